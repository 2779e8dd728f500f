using Flux.AspNetCore;

namespace Flux.AspNetCore.Tests.Support;

/// <summary>
/// The application the tests start through <see cref="FluxAppFactory"/>: OpenAPI and MapFlux, nothing else. The test
/// registers the <see cref="IFluxClient"/> (a <see cref="FluxClient"/> over a real SQLite file).
/// </summary>
public static class TestApp
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.MapOpenApi();
        app.MapFlux("/flux");
        app.Run();
    }
}
