using System.Text.Json;

namespace Flux.CommandLine.Tests;

/// <summary>
/// <c>run</c>, <c>show</c>, <c>resume</c>, <c>cancel</c> and <c>list</c> in separate processes over one SQLite file:
/// what one invocation stored, the next one finds.
/// </summary>
public class AcrossProcessesTests
{
    [Test]
    public async Task Run_pauses_show_reads_it_and_resume_finishes_it_in_other_processes()
    {
        using var program = new TestProgram();

        var run = await program.RunAsync("run", "approval", "--input", "\"order-7\"", "--json");
        var id = ExecutionOf(run).GetProperty("executionId").GetString()!;
        var paused = await program.RunAsync("show", id);
        var resumed = await program.RunAsync("resume", id, "--input", "\"approved\"");
        var finished = await program.RunAsync("show", id, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(FluxExitCode.Paused), run.ToString());
        Assert.That(ExecutionOf(run).GetProperty("pausedAt").GetString(), Is.EqualTo("manager"));
        Assert.That(paused.Output, Does.Contain($"Execution {id} of approval: Paused (paused at 'manager')"));
        Assert.That(paused.Output, Does.Match(@"TaskCompleted\s*│\s*Prepare_[0-9a-f]{16}\s*│\s*[\d.]+ (ms|µs|s)\s*│"));
        Assert.That(paused.Output, Does.Match(@"TaskPaused\s*│\s*flux:pause_[0-9a-f]{16}"));
        Assert.That(resumed.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), resumed.ToString());
        Assert.That(resumed.Output, Does.Contain("output: \"prepared order-7: approved\""));
        Assert.That(resumed.Error, Does.StartWith($"Resumed execution {id} of approval"));
        using var document = JsonDocument.Parse(finished.Output);
        var events = document.RootElement.GetProperty("events").EnumerateArray().ToArray();
        Assert.That(events.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[]
        {
            "WorkflowStarted", "TaskStarted", "TaskCompleted", "TaskStarted", "TaskPaused", "WorkflowPaused",
            "WorkflowResumed", "TaskResumed", "TaskCompleted", "WorkflowCompleted",
        }));
        Assert.That(events.Select(e => e.GetProperty("sequence").GetInt64()), Is.EqualTo(Enumerable.Range(1, 10).Select(i => (long)i)));
        Assert.That(events[2].GetProperty("durationMs").ValueKind, Is.EqualTo(JsonValueKind.Number), "a completed call has a duration");
        Assert.That(events[0].GetProperty("payload").GetString(), Is.EqualTo("order-7"));
        Assert.That(document.RootElement.GetProperty("execution").GetProperty("output").GetString(), Is.EqualTo("prepared order-7: approved"));
    }

    [Test]
    public async Task Cancel_ends_a_paused_execution_and_a_second_cancel_is_a_conflict()
    {
        using var program = new TestProgram();
        await program.RunAsync("run", "approval", "--input", "\"order-8\"", "--id", "to-cancel");

        var cancelled = await program.RunAsync("cancel", "to-cancel");
        var again = await program.RunAsync("cancel", "to-cancel");
        var resumed = await program.RunAsync("resume", "to-cancel", "--json");

        Assert.That(cancelled.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), cancelled.ToString());
        Assert.That(cancelled.Output, Does.Contain("Execution to-cancel of approval: Cancelled"));
        Assert.That(again.ExitCode, Is.EqualTo(FluxExitCode.Conflict), again.ToString());
        Assert.That(again.Error, Does.Contain("has already finished (Cancelled)"));
        Assert.That(resumed.ExitCode, Is.EqualTo(FluxExitCode.Cancelled), "resuming a finished execution returns it as it is");
        Assert.That(ExecutionOf(resumed).GetProperty("state").GetString(), Is.EqualTo("Cancelled"));
    }

    [Test]
    public async Task List_filters_by_workflow_and_state_newest_first()
    {
        using var program = new TestProgram();
        await program.RunAsync("run", "greet", "--input", "\"A\"", "--id", "g1");
        await program.RunAsync("run", "approval", "--input", "\"B\"", "--id", "a1");
        await program.RunAsync("run", "greet", "--input", "\"C\"", "--id", "g2");

        var all = await program.RunAsync("list", "--json");
        var greets = await program.RunAsync("list", "--workflow", "greet", "--json");
        var paused = await program.RunAsync("executions", "--state", "paused", "--json");
        var table = await program.RunAsync("list");
        var first = await program.RunAsync("list", "--limit", "1", "--json");

        Assert.That(Ids(all), Is.EqualTo(new[] { "g2", "a1", "g1" }));
        Assert.That(Ids(greets), Is.EqualTo(new[] { "g2", "g1" }));
        Assert.That(Ids(paused), Is.EqualTo(new[] { "a1" }));
        Assert.That(table.Output, Does.Match(@"a1\s*│\s*approval\s*│\s*Paused\s*│.*paused at 'manager'"));
        Assert.That(Ids(first), Is.EqualTo(new[] { "g2" }));
        var token = JsonDocument.Parse(first.Output).RootElement.GetProperty("continuationToken").GetString();
        var next = await program.RunAsync("list", "--limit", "1", "--page", token!, "--json");
        Assert.That(Ids(next), Is.EqualTo(new[] { "a1" }));
    }

    [Test]
    public async Task The_store_is_named_by_store_option_then_environment_then_default()
    {
        using var program = new TestProgram();
        var fromEnvironment = Path.Combine(program.Directory, "env.db");
        var environment = new Dictionary<string, string> { [FluxCommandLine.StoreEnvironmentVariable] = fromEnvironment };

        await program.RunAsync(["run", "greet", "--input", "\"E\"", "--id", "in-env"], environment);
        await program.RunAsync("run", "greet", "--input", "\"O\"", "--id", "in-option", "--store", "option.db");
        var viaEnvironment = await program.RunAsync(["show", "in-env", "--json"], environment);
        var viaOption = await program.RunAsync("show", "in-option", "--store", "option.db", "--json");
        var optionWins = await program.RunAsync(["show", "in-option", "--store", "option.db"], environment);
        var defaultStore = await program.RunAsync("show", "in-env");

        Assert.That(File.Exists(fromEnvironment) && File.Exists(Path.Combine(program.Directory, "option.db")));
        Assert.That(viaEnvironment.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), viaEnvironment.ToString());
        Assert.That(viaOption.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), viaOption.ToString());
        Assert.That(optionWins.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), optionWins.ToString());
        Assert.That(defaultStore.ExitCode, Is.EqualTo(FluxExitCode.NotFound), defaultStore.ToString());
        Assert.That(File.Exists(program.DefaultStore), Is.False, "reading a store that does not exist creates no file");
    }

    [Test]
    public async Task A_store_that_cannot_be_opened_is_a_store_error()
    {
        using var program = new TestProgram();
        File.WriteAllText(Path.Combine(program.Directory, "not-a-database.db"), "this is not SQLite");

        var result = await program.RunAsync("list", "--store", "not-a-database.db");

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.StoreError), result.ToString());
        Assert.That(result.Error, Does.StartWith("error: Cannot use the store 'not-a-database.db'").And.Contain("--store <path>"));
        Assert.That(result.Error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
    }

    private static JsonElement ExecutionOf(TestProgram.Result result) => JsonDocument.Parse(result.Output).RootElement;

    private static string[] Ids(TestProgram.Result result) =>
        JsonDocument.Parse(result.Output).RootElement.GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("executionId").GetString()!).ToArray();
}
