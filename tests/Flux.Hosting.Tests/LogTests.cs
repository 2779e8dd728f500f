using System.Text.Json;
using Flux.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Flux.Hosting.Tests;

/// <summary>The log: one event id per event type, failures with their exception, and no value unless asked for.</summary>
[NonParallelizable]
public sealed class LogTests
{
    private const string Secret = "s3cr3t-token";

    [SetUp]
    public void SetUp() => Gates.Reset();

    [Test]
    public async Task Every_event_is_logged_under_its_own_id_and_no_value_is_logged_by_default()
    {
        var (logs, ok, failed) = await RunNoisyAsync(logValues: false);

        Assert.That(ok.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(failed.State, Is.EqualTo(ExecutionState.Failed));
        var flux = logs.Entries.Where(e => e.Category == "Flux").ToArray();
        var ofOk = flux.Where(e => e.Message.Contains("noisy-ok", StringComparison.Ordinal)).Select(e => (e.Id.Id, e.Id.Name)).ToArray();
        Assert.That(ofOk, Is.EqualTo(new[]
        {
            (1, "ExecutionStarted"),
            (10, "TaskStarted"), (11, "TaskCompleted"), // Greet
            (10, "TaskStarted"), (17, "TaskRetryFailed"), (15, "TaskRetryStarted"), (16, "TaskRetryCompleted"), (11, "TaskCompleted"), // Flaky
            (2, "ExecutionCompleted"),
        }));

        var taskFailed = flux.Single(e => e.Id.Id == 12);
        Assert.That(taskFailed.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(taskFailed.Message, Does.StartWith("Task Boom call Boom_").And.EndWith(" failed in execution noisy-fail"));
        Assert.That(taskFailed.Error, Is.InstanceOf<TaskFailedException>());
        var executionFailed = flux.Single(e => e.Id.Id == 3);
        Assert.That(executionFailed.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(executionFailed.Error!.ToString(), Does.Contain("boom"));
        var retryFailed = flux.First(e => e.Id.Id == 17);
        Assert.That(retryFailed.Error, Is.InstanceOf<TimeoutException>());
        Assert.That(retryFailed.Message, Does.EndWith("failed in execution noisy-ok (attempt 1, 1 is the first run); retrying in 00:00:00"));

        Assert.That(flux.Where(e => e.AllText.Contains(Secret, StringComparison.Ordinal)), Is.Empty,
            "inputs, arguments, results and outputs are not logged unless FluxOptions.LogValues is set");
    }

    [Test]
    public async Task With_LogValues_the_same_events_carry_their_values()
    {
        var (logs, _, _) = await RunNoisyAsync(logValues: true);

        var flux = logs.Entries.Where(e => e.Category == "Flux" && e.Message.Contains("noisy-ok", StringComparison.Ordinal)).ToArray();
        var started = flux.First(e => e.Id.Id == 1);
        Assert.That(started.Message, Is.EqualTo($"Execution noisy-ok of workflow noisy started with input ok-{Secret}"));
        Assert.That(started.Id.Name, Is.EqualTo("ExecutionStarted"));
        Assert.That(flux.First(e => e.Id.Id == 2).Message, Is.EqualTo($"Execution noisy-ok of workflow noisy completed with output Hello, ok-{Secret}"));
        Assert.That(flux.First(e => e.Id.Id == 11).Message, Does.EndWith($"with result Hello, ok-{Secret}"));
    }

    private static async Task<(CapturedLogs Logs, ExecutionRecord Ok, ExecutionRecord Failed)> RunNoisyAsync(bool logValues)
    {
        var logs = new CapturedLogs();
        using var db = new TempDatabase();
        using var host = TestHost.Build(new FakeTimeProvider(TestHost.Start), services => services
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs))
            .AddFlux(f => f.UseSqlite(db.Path).AddWorkflows([W.Noisy]).Configure(o => o.LogValues = logValues)));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IFluxClient>();

        var ok = await client.RunAsync("noisy", JsonSerializer.SerializeToElement($"ok-{Secret}"), "noisy-ok");
        var failed = await client.RunAsync("noisy", JsonSerializer.SerializeToElement($"fail-{Secret}"), "noisy-fail");
        await host.StopAsync();
        return (logs, ok, failed);
    }
}
