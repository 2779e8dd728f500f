using Microsoft.AspNetCore.Http;

namespace Flux.AspNetCore;

/// <summary>The API's problems (RFC 9457): what went wrong, and for bad input, the field at fault as the error's key.</summary>
internal static class Problems
{
    public static IResult Invalid(IDictionary<string, string[]> errors, string title = "The request is not valid", string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? Describe(errors), title: title);

    public static IResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    public static IResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    public static IResult UnknownWorkflow(IFluxClient client, string name)
    {
        var known = client.Workflows.Count == 0 ? "none" : string.Join(", ", client.Workflows.Select(w => $"'{w.Name}'"));
        return NotFound("No such workflow", $"No workflow is named '{name}'; this API runs {known}.");
    }

    public static IResult UnknownExecution(string id) =>
        NotFound("No such execution", $"No execution has the id '{id}'.");

    /// <summary>The first error as one line, for clients that show only the detail.</summary>
    private static string Describe(IDictionary<string, string[]> errors) =>
        errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}").FirstOrDefault() ?? "";
}
