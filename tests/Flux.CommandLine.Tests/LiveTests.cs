using System.Text.Json;

namespace Flux.CommandLine.Tests;

/// <summary>
/// What a running execution shows: <c>watch</c> from another process, and the progress bar of a Map in a terminal.
/// The Map's item k finishes when the test creates the file <c>gate-k</c>, so every step waits on the test, not on time.
/// </summary>
public class LiveTests
{
    [Test]
    public async Task Watch_prints_the_events_of_an_execution_running_in_another_process_until_it_ends()
    {
        using var program = new TestProgram();
        using var runner = program.Start(["run", "gated_map", "--input", GateInput(program, 2), "--id", "live"]);
        await runner.WaitForAsync(r => r.Error.Contains("Started execution live"), "the run to be stored");

        using var watcher = program.Start(["watch", "live", "--json"]);
        // The items' starts are stored with their first completion (the runtime commits starts lazily), so what is
        // stored while the Map waits is the workflow's start.
        await watcher.WaitForAsync(w => w.Output.Contains("\"type\":\"WorkflowStarted\""), "watch to print the stored start");
        Assert.That(watcher.Output, Does.Not.Contain("WorkflowCompleted"), "the execution waits for its gates");
        program.Touch("gate-0");
        program.Touch("gate-1");
        var watched = await watcher.WaitAsync();
        var ran = await runner.WaitAsync();

        Assert.That(ran.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), ran.ToString());
        Assert.That(watched.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), watched.ToString());
        var events = watched.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.That(events.Select(e => e.GetProperty("sequence").GetInt64()), Is.EqualTo(Enumerable.Range(1, events.Length).Select(i => (long)i)), "every event once, in order");
        Assert.That(events[0].GetProperty("type").GetString(), Is.EqualTo("WorkflowStarted"));
        Assert.That(events[^1].GetProperty("type").GetString(), Is.EqualTo("WorkflowCompleted"));
        Assert.That(events[^1].GetProperty("payload").GetInt32(), Is.EqualTo(0 + 1));
        Assert.That(events.Count(e => e.GetProperty("type").GetString() == "TaskCompleted"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_termination_signal_cancels_the_running_execution_and_exits_cancelled()
    {
        using var program = new TestProgram();
        using var runner = program.Start(["run", "gated_map", "--input", GateInput(program, 2), "--id", "stopped"]);
        await runner.WaitForAsync(r => r.Error.Contains("Started execution stopped"), "the run to be stored");

        await runner.SignalAsync("TERM");
        var ran = await runner.WaitAsync();
        var shown = await program.RunAsync("show", "stopped", "--json");

        Assert.That(ran.ExitCode, Is.EqualTo(FluxExitCode.Cancelled), ran.ToString());
        Assert.That(ran.Output, Does.Contain("Execution stopped of gated_map: Cancelled"));
        var types = JsonDocument.Parse(shown.Output).RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToArray();
        Assert.That(types[^1], Is.EqualTo("WorkflowCancelled"));
        Assert.That(types.Count(t => t == "TaskStarted"), Is.EqualTo(types.Count(t => t == "TaskCancelled")), "every item that started was cancelled");
    }

    [Test]
    public async Task A_terminal_shows_a_progress_bar_that_follows_the_map()
    {
        using var program = new TestProgram();
        using var terminal = program.StartInTerminal(["run", "gated_map", "--input", GateInput(program, 3)]);
        await terminal.WaitForAsync(t => t.Output.Contains("Started execution"), "the run to start");

        program.Touch("gate-0");
        await terminal.WaitForAsync(t => t.Output.Contains("1/3"), "a frame with 1 of 3 items done");
        program.Touch("gate-1");
        await terminal.WaitForAsync(t => t.Output.Contains("2/3"), "a frame with 2 of 3 items done");
        program.Touch("gate-2");
        var result = await terminal.WaitAsync();

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), result.ToString());
        var output = result.Output;
        Assert.That(output, Does.Contain("map:WaitForGate"), "the bar is labelled with its Map");
        Assert.That(output.IndexOf("1/3", StringComparison.Ordinal), Is.LessThan(output.IndexOf("2/3", StringComparison.Ordinal)));
        Assert.That(output.IndexOf("2/3", StringComparison.Ordinal), Is.LessThan(output.IndexOf("3/3", StringComparison.Ordinal)));
        Assert.That(output, Does.Contain("100%").And.Contain("/s"), "percentage and rate columns");
        Assert.That(output.Contains(Escape + "[", StringComparison.Ordinal), "drawn with terminal escapes");
        Assert.That(output, Does.Contain("output: 5"));
    }

    [Test]
    public async Task Without_a_terminal_no_bar_is_written()
    {
        using var program = new TestProgram();
        program.Touch("gate-0");
        program.Touch("gate-1");
        program.Touch("gate-2");

        var result = await program.RunAsync("run", "gated_map", "--input", GateInput(program, 3));

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), result.ToString());
        Assert.That(result.Error, Does.Not.Contain("/3"));
        Assert.That(result.Error, Does.Not.Contain("map:WaitForGate"));
        Assert.That(result.Error.Contains(Escape, StringComparison.Ordinal), Is.False, "no terminal escapes on standard error");
        Assert.That(result.Output.Contains(Escape, StringComparison.Ordinal), Is.False, "no terminal escapes on standard output");
        Assert.That(result.Output, Does.Contain("output: 5"));
    }

    [Test]
    public async Task No_progress_turns_the_bar_off_in_a_terminal()
    {
        using var program = new TestProgram();
        program.Touch("gate-0");
        program.Touch("gate-1");

        using var terminal = program.StartInTerminal(["run", "gated_map", "--input", GateInput(program, 2), "--no-progress"]);
        var result = await terminal.WaitAsync();

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), result.ToString());
        Assert.That(result.Output, Does.Contain("output: 1").And.Not.Contain("map:WaitForGate"));
    }

    // NUnit's Contain compares with the culture, which ignores control characters: escapes are checked ordinally.
    private const string Escape = "\u001b";

    private static string GateInput(TestProgram program, int count) =>
        JsonSerializer.Serialize(new { directory = program.Directory, count });
}
