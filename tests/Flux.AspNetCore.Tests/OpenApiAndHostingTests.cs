using System.Net;
using Flux.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.TestHost;

namespace Flux.AspNetCore.Tests;

/// <summary>The OpenAPI document, the route group, and what MapFlux needs from the application.</summary>
public sealed class OpenApiAndHostingTests : ApiTest
{
    [Test]
    public async Task The_OpenAPI_document_describes_every_endpoint_with_its_answers()
    {
        var document = await (await Http.GetAsync("/openapi/v1.json")).ReadAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        Assert.That(paths.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[]
        {
            "/flux/workflows", "/flux/workflows/{name}", "/flux/workflows/{name}/diagram", "/flux/workflows/{name}/executions",
            "/flux/executions", "/flux/executions/{id}", "/flux/executions/{id}/events", "/flux/executions/{id}/events/stream",
            "/flux/executions/{id}/resume", "/flux/executions/{id}/cancel",
        }));
        Assert.That(paths.EnumerateObject().Select(p => p.Name), Has.None.EqualTo("/flux/").And.None.StartsWith("/flux/dashboard"));
        var start = paths.GetProperty("/flux/workflows/{name}/executions").GetProperty("post");
        Assert.That(start.GetProperty("operationId").GetString(), Is.EqualTo("Flux.StartExecution"));
        Assert.That(start.GetProperty("tags")[0].GetString(), Is.EqualTo("Flux"));
        Assert.That(start.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "200", "202", "400", "404", "409" }));
        Assert.That(start.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), Is.True);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.That(schemas.GetProperty("ExecutionInfo").GetProperty("properties").TryGetProperty("executionId", out _), Is.True);
        Assert.That(schemas.GetProperty("ExecutionEventPage").GetProperty("properties").TryGetProperty("next", out _), Is.True);
    }

    [Test]
    public void MapFlux_without_an_IFluxClient_says_how_to_register_one()
    {
        var app = WebApplication.CreateBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapFlux("/flux"));

        Assert.That(error!.Message, Does.Contain("services.AddFlux(...)").And.Contain("services.AddSingleton<IFluxClient>"));
    }

    [Test]
    public async Task MapFlux_returns_the_route_group_so_the_application_adds_its_own_policies()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IFluxClient>(App.Client);
        await using var secured = builder.Build();
        secured.MapFlux("/ops/flux").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Headers.ContainsKey("X-Operator") ? await next(context) : Results.StatusCode(StatusCodes.Status403Forbidden));
        await secured.StartAsync();
        using var client = secured.GetTestClient();

        Assert.That((await client.GetAsync("/ops/flux/workflows")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ops/flux/workflows");
        request.Headers.Add("X-Operator", "ann");
        Assert.That((await client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await secured.StopAsync();
    }
}
