using System.Net;
using Flux.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flux.AspNetCore.Tests.Browser;

/// <summary>
/// The dashboard in a real headless chromium, served by a real Kestrel server over a real SQLite file. Every wait is
/// on a condition of the page (Playwright's expectations) or a gate of the test, never on time.
/// </summary>
[NonParallelizable]
public sealed class DashboardBrowserTests
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private FluxAppFactory _app = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private string _dashboard = null!;
    private readonly List<string> _consoleErrors = [];

    [OneTimeSetUp]
    public async Task LaunchBrowser()
    {
        (_playwright, _browser) = await Chromium.LaunchAsync();
        SetDefaultExpectTimeout(30_000);
    }

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    [SetUp]
    public async Task StartServer()
    {
        Gates.Reset();
        _consoleErrors.Clear();
        _app = new FluxAppFactory();
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _dashboard = address.TrimEnd('/') + "/flux/";
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        _page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    [TearDown]
    public async Task StopServer()
    {
        if (_page is not null)
        {
            var name = TestContext.CurrentContext.Test.Name;
            var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"dashboard-{name}.png");
            await _page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            TestContext.AddTestAttachment(file, $"The dashboard at the end of {name}");
        }

        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        await _app.DisposeAsync();
    }

    [Test]
    public async Task The_list_shows_the_executions_and_filters_them_by_state_and_workflow()
    {
        await App.RunAsync("checkout", Input(new Order("o-1", 3, [new Line("a", 1)])), "c-1");
        await App.RunAsync("failing", Input("x"), "f-1");
        await App.RunAsync("route", Input("hi"), "r-1");

        await _page.GotoAsync(_dashboard);

        await Expect(Rows).ToHaveCountAsync(3);
        await Expect(Row("f-1").Locator(".state")).ToHaveTextAsync("Failed");
        await Expect(Row("c-1").Locator(".state")).ToHaveTextAsync("Succeeded");
        await _page.SelectOptionAsync("#filter-state", "Failed");
        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Row("f-1")).ToBeVisibleAsync();
        await _page.SelectOptionAsync("#filter-state", "");
        await _page.SelectOptionAsync("#filter-workflow", "route");
        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Row("r-1")).ToBeVisibleAsync();
        Assert.That(_consoleErrors, Is.Empty);
    }

    [Test]
    public async Task An_execution_shows_its_timeline_with_retries_and_its_drawn_diagram()
    {
        await App.RunAsync("route", Input("hi"), "r-1");
        await _page.GotoAsync(_dashboard);

        await Row("r-1").ClickAsync();

        await Expect(_page.Locator("#detail-state .state")).ToHaveTextAsync("Succeeded");
        await Expect(Timeline("WorkflowCompleted")).ToHaveCountAsync(1);
        await Expect(Timeline("TaskRetryFailed")).ToHaveCountAsync(1);
        await Expect(Timeline("TaskRetryFailed").Locator("td").Last).ToContainTextAsync("attempt 1 of 2: System.TimeoutException: first attempt times out");
        await Expect(Timeline("TaskCompleted").First.Locator("td").Nth(4)).ToContainTextAsync("ms");
        await Expect(_page.Locator("#summary")).ToContainTextAsync("\"HI!\"");
        await Expect(_page.Locator("#diagram svg")).ToBeVisibleAsync();
        await Expect(_page.Locator("#diagram svg")).ToContainTextAsync("wobble");
        await Expect(_page.Locator("#diagram svg")).ToContainTextAsync("shout");

        await App.RunAsync("failing", Input("bad"), "f-1");
        await _page.GotoAsync(_dashboard + "#/executions/f-1");
        await Expect(_page.Locator("#summary .error")).ToContainTextAsync("bad");
        await Expect(Timeline("WorkflowFailed")).ToHaveCountAsync(1);
        await Expect(_page.Locator("#diagram")).ToContainTextAsync("No diagram");
        await Expect(Row("f-1")).ToHaveClassAsync("selected");
        Assert.That(_consoleErrors, Is.Empty);
    }

    [Test]
    public async Task A_running_execution_updates_live_without_a_reload()
    {
        await App.StartAsync("gated", Input("slow"), "g-1");
        await Gates.Reached("slow");
        await _page.GotoAsync(_dashboard + "#/executions/g-1");
        await Expect(_page.Locator("#detail-state .state")).ToHaveTextAsync("Running");
        await Expect(_page.Locator("#live")).ToBeVisibleAsync();
        await Expect(Timeline("TaskCompleted")).ToHaveCountAsync(1);
        await _page.EvaluateAsync("window.__sameDocument = true");

        Gates.Open("slow");

        await Expect(_page.Locator("#detail-state .state")).ToHaveTextAsync("Succeeded");
        await Expect(Timeline("WorkflowCompleted")).ToHaveCountAsync(1);
        await Expect(Row("g-1").Locator(".state")).ToHaveTextAsync("Succeeded");
        await Expect(_page.Locator("#live")).ToBeHiddenAsync();
        Assert.That(await _page.EvaluateAsync<bool>("window.__sameDocument === true"), Is.True, "The page was reloaded.");
        Assert.That(_consoleErrors, Is.Empty);
    }

    [Test]
    public async Task The_cancel_button_cancels_a_running_execution()
    {
        await App.StartAsync("gated", Input("stuck"), "g-2");
        await Gates.Reached("stuck");
        await _page.GotoAsync(_dashboard + "#/executions/g-2");
        await Expect(_page.Locator("#detail-state .state")).ToHaveTextAsync("Running");
        await Expect(_page.Locator("#resume")).ToBeDisabledAsync();

        await _page.ClickAsync("#cancel");

        await Expect(_page.Locator("#detail-state .state")).ToHaveTextAsync("Cancelled");
        await Expect(Timeline("WorkflowCancelled")).ToHaveCountAsync(1);
        await Expect(_page.Locator("#cancel")).ToBeDisabledAsync();
        Assert.That((await App.GetAsync("g-2"))!.State, Is.EqualTo(ExecutionState.Cancelled));
    }

    [Test]
    public async Task The_resume_button_resumes_a_paused_execution_with_the_JSON_value()
    {
        await App.RunAsync("approval", Input("ann"), "a-1");
        await _page.GotoAsync(_dashboard + "#/executions/a-1");
        await Expect(_page.Locator("#detail-state .state")).ToHaveTextAsync("Paused");
        await Expect(_page.Locator("#summary")).ToContainTextAsync("approve");

        await _page.FillAsync("#resume-value", "tru");
        await _page.ClickAsync("#resume");
        await Expect(_page.Locator("#action-error")).ToContainTextAsync("not valid JSON");
        await _page.FillAsync("#resume-value", "true");
        await _page.ClickAsync("#resume");

        await Expect(_page.Locator("#detail-state .state")).ToHaveTextAsync("Succeeded");
        await Expect(_page.Locator("#summary")).ToContainTextAsync("approved by ann");
        await Expect(Timeline("WorkflowResumed")).ToHaveCountAsync(1);
        await Expect(_page.Locator("#action-error")).ToBeHiddenAsync();
    }

    private FluxClient App => _app.Client;

    private ILocator Rows => _page.Locator("#executions tbody tr");

    private ILocator Row(string id) => _page.Locator($"#executions tbody tr[data-id='{id}']");

    private ILocator Timeline(string type) => _page.Locator($"#timeline tbody tr[data-type='{type}']");

    private static System.Text.Json.JsonElement Input<T>(T value) =>
        System.Text.Json.JsonSerializer.SerializeToElement(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)TestJson.Default.Options.GetTypeInfo(typeof(T)));
}
