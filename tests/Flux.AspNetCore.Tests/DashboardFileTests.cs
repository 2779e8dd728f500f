using System.Net;
using Flux.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.TestHost;

namespace Flux.AspNetCore.Tests;

/// <summary>The dashboard's files: served from the assembly, with the page's base set to wherever the group is mapped.</summary>
public sealed class DashboardFileTests : ApiTest
{
    [Test]
    public async Task The_page_is_served_at_the_group_root_with_its_base_set_to_the_group()
    {
        foreach (var path in new[] { "/flux", "/flux/" })
        {
            var page = await Http.GetAsync(path);
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<base href=\"/flux/\">").And.Contain("dashboard/dashboard.js"));
        }
    }

    [Test]
    public async Task Scripts_are_served_from_the_assembly_with_an_etag_and_Mermaid_with_its_license()
    {
        var script = await Http.GetAsync("/flux/dashboard/dashboard.js");
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        var etag = script.Headers.ETag;
        Assert.That(etag, Is.Not.Null);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/flux/dashboard/dashboard.js");
        again.Headers.IfNoneMatch.Add(etag!);
        Assert.That((await Http.SendAsync(again)).StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        var mermaid = await Http.GetAsync("/flux/dashboard/vendor/mermaid/mermaid.min.js");
        Assert.That((await mermaid.Content.ReadAsByteArrayAsync()).Length, Is.EqualTo(3_572_661));
        Assert.That(await Http.GetStringAsync("/flux/dashboard/vendor/mermaid/LICENSE"), Does.Contain("MIT License"));
        Assert.That((await Http.GetAsync("/flux/dashboard/nope.js")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Http.GetAsync("/flux/dashboard/index.html")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_dashboard_can_be_left_out_and_the_API_stays()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IFluxClient>(App.Client);
        await using var app = builder.Build();
        app.MapFlux("/api/flux", options => options.Dashboard = false);
        await app.StartAsync();
        using var client = app.GetTestClient();

        Assert.That((await client.GetAsync("/api/flux/")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.GetAsync("/api/flux/dashboard/dashboard.js")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.GetAsync("/api/flux/workflows")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await app.StopAsync();
    }
}
