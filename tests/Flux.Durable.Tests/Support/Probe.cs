using System.Collections.Concurrent;

namespace Flux.Durable.Tests.Support;

/// <summary>
/// What the test tasks report and wait on: how many times each body ran, and gates (opened by the test) that bodies
/// wait for. Reset before every test; the tests of this project do not run in parallel.
/// </summary>
public static class Probe
{
    private static ConcurrentDictionary<string, int> s_runs = new();
    private static ConcurrentDictionary<string, TaskCompletionSource> s_gates = new();
    private static ConcurrentDictionary<string, TaskCompletionSource> s_reached = new();
    private static ConcurrentQueue<string> s_log = new();
    private static ConcurrentDictionary<(string Body, int Count), TaskCompletionSource> s_counts = new();

    public static void Reset()
    {
        s_runs = new();
        s_gates = new();
        s_reached = new();
        s_log = new();
        s_counts = new();
    }

    /// <summary>Counts a run of <paramref name="body"/> and returns how many there were.</summary>
    public static int Ran(string body)
    {
        s_log.Enqueue(body);
        var runs = s_runs.AddOrUpdate(body, 1, static (_, n) => n + 1);
        foreach (var ((waited, count), reached) in s_counts)
        {
            if (body.StartsWith(waited, StringComparison.Ordinal) && RunsStartingWith(waited) >= count)
            {
                reached.TrySetResult();
            }
        }

        return runs;
    }

    /// <summary>Completes once the bodies whose name starts with <paramref name="prefix"/> ran <paramref name="count"/> times in all.</summary>
    public static Task WhenRuns(string prefix, int count)
    {
        var reached = s_counts.GetOrAdd((prefix, count), static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (RunsStartingWith(prefix) >= count)
        {
            reached.TrySetResult();
        }

        return reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static int RunsStartingWith(string prefix) => s_runs.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(p => p.Value);

    public static int Runs(string body) => s_runs.TryGetValue(body, out var n) ? n : 0;

    /// <summary>Every run, in order.</summary>
    public static string[] Log => s_log.ToArray();

    /// <summary>Waits until the test opens <paramref name="gate"/> (or the token is cancelled); signals first that a body reached it.</summary>
    public static Task Wait(string gate, CancellationToken cancellationToken = default)
    {
        Reached(gate).TrySetResult();
        return GateOf(gate).Task.WaitAsync(cancellationToken);
    }

    public static void Open(string gate) => GateOf(gate).TrySetResult();

    /// <summary>Closes <paramref name="gate"/> again (and forgets that a body reached it), for a body that runs again.</summary>
    public static void Close(string gate)
    {
        s_gates[gate] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s_reached[gate] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Completes once a body waits at <paramref name="gate"/>.</summary>
    public static Task WhenReached(string gate) => Reached(gate).Task.WaitAsync(TimeSpan.FromSeconds(30));

    private static TaskCompletionSource GateOf(string gate) =>
        s_gates.GetOrAdd(gate, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static TaskCompletionSource Reached(string gate) =>
        s_reached.GetOrAdd(gate, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

internal static class Guards
{
    /// <summary>Fails the test instead of hanging it when an expected signal never comes; never a timing assertion.</summary>
    public static Task<T> Guard<T>(this Task<T> task) => task.WaitAsync(TimeSpan.FromSeconds(60));

    /// <inheritdoc cref="Guard{T}(Task{T})"/>
    public static Task Guard(this Task task) => task.WaitAsync(TimeSpan.FromSeconds(60));
}
