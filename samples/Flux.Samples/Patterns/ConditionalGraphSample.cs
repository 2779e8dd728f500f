namespace Flux.Samples;

/// <summary>The result of validating an order quantity.</summary>
/// <param name="Valid">True when the input is a positive whole number.</param>
/// <param name="Input">The raw input.</param>
/// <param name="Quantity">The parsed quantity when valid.</param>
public sealed record ValidationResult(bool Valid, string Input, int Quantity);

/// <summary>The seed's "Conditional Graph Execution": validate, then process or handle the error.</summary>
public static partial class ConditionalGraphSample
{
    [Task]
    public static ValidationResult ValidateData(string input) =>
        int.TryParse(input, out var quantity) && quantity > 0
            ? new ValidationResult(true, input, quantity)
            : new ValidationResult(false, input, 0);

    [Task] public static string ProcessData(ValidationResult data) => $"Processed order of {data.Quantity} item(s)";

    [Task] public static string HandleError(ValidationResult data) => $"Rejected '{data.Input}': expected a positive whole number";

    [Workflow(Name = "conditional_graph_workflow")]
    public static async Task<string> Conditional(ExecutionContext<string> ctx) =>
        await new Graph("conditional_flow")
            .AddNode("validate", ValidateDataTask)
            .AddNode("process", ProcessDataTask)
            .AddNode("error", HandleErrorTask)
            .AddEdge("validate", "process", when: (ValidationResult r) => r.Valid)
            .AddEdge("validate", "error", when: (ValidationResult r) => !r.Valid)
            .StartWith("validate")
            .EndWith("process")
            .EndWith("error")
            .RunAsync<string, string>(ctx.Input);

    internal static async Task RunAsync(string[] input, TextWriter output) =>
        await output.WriteLineAsync(await ConditionalWorkflow.RunOrThrowAsync(SampleUsageException.Single(input)));
}
