using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Flux.Durable.Tests.Crash;

/// <summary>
/// Kills a real process running a durable Map of 10,000 items on a SQLite file with SIGKILL at 24 points spread evenly
/// over the run, half of them inside an item's body and half inside a commit, resumes it after each kill, and checks
/// what durability promises: the output equals an uninterrupted run's, no item whose completion was committed before a
/// kill ran again (the side-effect file against the events committed at each kill), every event is there once with
/// contiguous sequence numbers, and the file passes SQLite's integrity check after every kill.
/// </summary>
/// <remarks>
/// The child (tests/Flux.CrashHost) parks at the kill point and prints a marker, and stops every other body and commit
/// from starting: the kill points come from the program's progress, never from timing.
/// </remarks>
[NonParallelizable]
public sealed partial class CrashTests
{
    private const int Items = 10_000;
    private const int Kills = 24;
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(180);
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "flux-crash-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_Map_killed_at_24_points_resumes_to_the_output_of_an_uninterrupted_run_and_runs_no_committed_item_again()
    {
        var baselineFile = Path.Combine(_folder, "baseline.db");
        var baseline = await RunChild("run", baselineFile, Path.Combine(_folder, "baseline.txt"));
        Assert.That(baseline.Last, Is.EqualTo("DONE Succeeded"), baseline.Describe());
        var expectedOutput = (await ReadLog(baselineFile)).Output;

        var file = Path.Combine(_folder, "crash.db");
        var effects = Path.Combine(_folder, "effects.txt");
        // For each item, the side-effect line count when its completion was first seen committed after a kill: every
        // line of that item must lie before it.
        var committedBy = new Dictionary<int, int>();
        var commitKills = 0;
        double childSeconds = 0, checkSeconds = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            var kind = kill % 2 == 0 ? "body" : "commit";
            var item = (kill + 1) * Items / (Kills + 1);
            var watch = Stopwatch.StartNew();
            var child = await RunChild(kill == 0 ? "run" : "resume", file, effects, kind, item);
            childSeconds += watch.Elapsed.TotalSeconds;
            watch.Restart();
            Assert.That(child.Last, Does.StartWith("KILLPOINT"), $"kill {kill} ({kind} {item}) was not reached: {child.Describe()}");
            commitKills += child.Last!.StartsWith("KILLPOINT commit", StringComparison.Ordinal) ? 1 : 0;

            var lines = File.ReadAllLines(effects).Length;
            var log = await ReadLog(file);
            Assert.That(log.Sequences, Is.EqualTo(Enumerable.Range(1, log.Sequences.Count).Select(s => (long)s)), $"after kill {kill}: sequence numbers are contiguous");
            Assert.That(IntegrityCheck(file), Is.EqualTo("ok"), $"after kill {kill}");
            foreach (var completed in log.Completed)
            {
                committedBy.TryAdd(completed, lines);
            }

            checkSeconds += watch.Elapsed.TotalSeconds;
        }

        var last = await RunChild("resume", file, effects);
        Assert.That(last.Last, Is.EqualTo("DONE Succeeded"), last.Describe());

        var final = await ReadLog(file);
        Assert.That(final.Output, Is.EqualTo(expectedOutput), "the output equals an uninterrupted run's");
        Assert.That(final.Sequences, Is.EqualTo(Enumerable.Range(1, final.Sequences.Count).Select(s => (long)s)));
        Assert.That(final.Completed, Is.EquivalentTo(Enumerable.Range(0, Items)), "every item completed exactly once in the log");
        Assert.That(final.Started, Is.EquivalentTo(Enumerable.Range(0, Items)), "every item started exactly once in the log (a call run again records no second TaskStarted)");
        Assert.That(IntegrityCheck(file), Is.EqualTo("ok"));
        Assert.That(commitKills, Is.EqualTo(Kills / 2), "half of the kills happened inside a commit");

        var trace = File.ReadAllLines(effects).Select(line => int.Parse(line, CultureInfo.InvariantCulture)).ToArray();
        var ranAgain = new List<string>();
        for (var position = 0; position < trace.Length; position++)
        {
            if (committedBy.TryGetValue(trace[position], out var before) && position >= before)
            {
                ranAgain.Add($"item {trace[position]} (line {position + 1}, committed before line {before + 1})");
            }
        }

        Assert.That(ranAgain, Is.Empty, "no item whose completion was committed before a kill ran again");
        Assert.That(trace.Distinct().Count(), Is.EqualTo(Items), "every item's body ran");
        // Items whose completion was not committed at a kill ran again (at-least-once): how many depends on how far the
        // commits lagged the bodies at each kill, which the checks above bound exactly, item by item.
        TestContext.Out.WriteLine($"{trace.Length:N0} body runs for {Items:N0} items; {trace.Length - Items:N0} ran again after a kill before their completion was committed; {childSeconds:N1} s in the killed children, {checkSeconds:N1} s checking after the kills");
    }

    /// <summary>Reads what the file holds now, with a store of this process (the child is dead).</summary>
    private static async Task<Log> ReadLog(string file)
    {
        var log = new Log();
        await using var store = new SqliteExecutionStore($"Data Source={file}");
        await foreach (var e in store.ReadEventsAsync("crash"))
        {
            log.Sequences.Add(e.Sequence);
            if (e.CallId is null || ItemCall().Match(e.CallId) is not { Success: true } match)
            {
                continue;
            }

            var item = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            if (e.Type == ExecutionEventType.TaskCompleted)
            {
                log.Completed.Add(item);
            }
            else if (e.Type == ExecutionEventType.TaskStarted)
            {
                log.Started.Add(item);
            }
        }

        var record = await store.GetAsync("crash");
        log.Output = record?.Output is { } output ? System.Text.Encoding.UTF8.GetString(output) : null;
        return log;
    }

    private static string IntegrityCheck(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Starts the child with 'dotnet', reads its output until it parks at the kill point (then SIGKILLs it) or ends.</summary>
    private static async Task<ChildRun> RunChild(string mode, string file, string effects, string? kind = null, int item = 0)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { HostPath, mode, file, effects, Items.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (kind is not null)
        {
            start.ArgumentList.Add(kind);
            start.ArgumentList.Add(item.ToString(CultureInfo.InvariantCulture));
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ChildTimeout);
        var run = new ChildRun();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                run.Output.Add(line);
                if (line.StartsWith("KILLPOINT", StringComparison.Ordinal))
                {
                    process.Kill(); // SIGKILL on Linux: no finalizer, no flush, no disposal runs in the child.
                    break;
                }
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            run.Output.Add($"(no kill point or end within {ChildTimeout.TotalSeconds} s)");
        }

        run.Errors = await errors;
        return run;
    }

    private static string HostPath { get; } = typeof(CrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashHost").Value!;

    [GeneratedRegex(@"^map:Touch\[(\d+)\]/")]
    private static partial Regex ItemCall();

    private sealed class Log
    {
        public List<long> Sequences { get; } = [];

        public List<int> Completed { get; } = [];

        public List<int> Started { get; } = [];

        public string? Output { get; set; }
    }

    private sealed class ChildRun
    {
        public List<string> Output { get; } = [];

        public string Errors { get; set; } = "";

        public string? Last => Output.Count == 0 ? null : Output[^1];

        public string Describe() => $"output: [{string.Join(" | ", Output)}], errors: [{Errors}]";
    }
}
