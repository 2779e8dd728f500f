using System.Net;
using System.Net.Http.Json;
using Flux.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Flux.AspNetCore.Tests;

/// <summary>samples/Flux.WebApp, started on a real Kestrel port over its own SQLite file, called over HTTP.</summary>
public sealed class WebAppSampleTests
{
    [Test]
    public async Task The_sample_app_runs_its_workflows_through_the_API_and_serves_the_dashboard()
    {
        var directory = Path.Combine(Path.GetTempPath(), "flux-webapp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "flux.db");
        try
        {
            await using (var sample = new SampleFactory(database))
            {
                sample.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
                sample.StartServer();
                var address = sample.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                using var http = new HttpClient { BaseAddress = new Uri(address) };

                var workflows = await (await http.GetAsync("/flux/workflows")).ReadAsync(HttpStatusCode.OK);
                Assert.That(workflows.EnumerateArray().Select(w => w.GetProperty("name").GetString()), Is.EqualTo(new[] { "expense", "order", "signup", "thumbnails" }));

                var signup = await (await http.PostAsync("/flux/workflows/signup/executions?wait=true", Support.Http.Json("\"  Ann@Example.com \""))).ReadAsync(HttpStatusCode.OK);
                Assert.That(signup.GetProperty("output").GetString(), Is.EqualTo("welcome mail sent to account:ann@example.com"));
                Assert.That(await http.GetStringAsync("/flux/workflows/signup/diagram"), Does.StartWith("flowchart TD").And.Contain("create_account"));

                var thumbnails = await (await http.PostAsJsonAsync("/flux/workflows/thumbnails/executions?wait=true", new[] { "a.png", "b.jpg" })).ReadAsync(HttpStatusCode.OK);
                Assert.That(thumbnails.GetProperty("output").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "thumbs/a.webp", "thumbs/b.webp" }));

                var expense = await (await http.PostAsync("/flux/workflows/expense/executions?wait=true&id=trip", Support.Http.Json("250"))).ReadAsync(HttpStatusCode.OK);
                Assert.That(expense.GetProperty("pausedAt").GetString(), Is.EqualTo("manager-approval"));
                var approved = await (await http.PostAsync("/flux/executions/trip/resume?wait=true", Support.Http.Json("true"))).ReadAsync(HttpStatusCode.OK);
                Assert.That(approved.GetProperty("output").GetString(), Is.EqualTo("approved by the manager"));

                var bad = await http.PostAsync("/flux/workflows/order/executions", Support.Http.Json("""{"Id":"o-1","Customer":"ann","Lines":[{"Sku":"a","Quantity":"two","Price":1}]}"""));
                Assert.That(await bad.ProblemAtAsync("$.Lines[0].Quantity"), Does.StartWith("OrderLine.Quantity takes an int"));

                var page = await http.GetAsync("/");
                Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "The root redirects to the dashboard.");
                Assert.That(page.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo("/flux/"));
                Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<base href=\"/flux/\">"));
                var openApi = await (await http.GetAsync("/openapi/v1.json")).ReadAsync(HttpStatusCode.OK);
                Assert.That(openApi.GetProperty("paths").TryGetProperty("/flux/executions/{id}/resume", out _), Is.True);
            }

            Assert.That(new FileInfo(database).Length, Is.GreaterThan(0), "The executions are kept in the configured SQLite file.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class SampleFactory(string database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Flux:Database", database);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
