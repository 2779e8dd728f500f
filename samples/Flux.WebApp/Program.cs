// Flux in an ASP.NET Core app: the workflows of Workflows.cs, kept in a SQLite file, run through the HTTP API and
// watched in the dashboard.
//
//   dotnet run --project samples/Flux.WebApp        then open http://localhost:5080/flux/
using Flux.WebApp;

var builder = WebApplication.CreateBuilder(args);

// The store (a SQLite file), an IFluxClient over every workflow of this assembly, and the hosted service that takes
// over executions a crash left running. The workflows' JSON is AppJson ([assembly: FluxJsonContext] in Workflows.cs).
builder.Services.AddFlux(flux => flux
    .UseSqlite(builder.Configuration["Flux:Database"] ?? "flux.db")
    .AddWorkflows(FluxCatalog.Descriptors));
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails();

var app = builder.Build();

app.MapOpenApi();
// The API and the dashboard. A real application adds its own policy here: .RequireAuthorization("flux-operators").
app.MapFlux("/flux");
app.MapGet("/", () => Results.Redirect("/flux/")).ExcludeFromDescription();

app.Run();

/// <summary>The sample's entry point (public for its test's WebApplicationFactory).</summary>
public partial class Program;
