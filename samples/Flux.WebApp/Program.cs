// Flux in an ASP.NET Core app: the workflows of Workflows.cs, kept in a SQLite file, run through the HTTP API and
// watched in the dashboard.
//
//   dotnet run --project samples/Flux.WebApp        then open http://localhost:5080/flux/
//
// Flux.Hosting's services.AddFlux(f => f.UseSqlite(...)) registers the store and the client (and resumes executions a
// crash left running); this sample registers them by hand, which is all MapFlux needs: an IFluxClient.
using Flux.WebApp;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(services =>
    new SqliteExecutionStore($"Data Source={services.GetRequiredService<IConfiguration>()["Flux:Database"] ?? "flux.db"}"));
builder.Services.AddSingleton<IFluxClient>(services => new FluxClient(
    services.GetRequiredService<SqliteExecutionStore>(),
    FluxCatalog.Workflows,
    new RunOptions { Json = AppJson.Default.Options }));
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
