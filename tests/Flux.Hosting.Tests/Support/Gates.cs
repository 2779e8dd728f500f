using System.Collections.Concurrent;

namespace Flux.Hosting.Tests.Support;

/// <summary>Named gates and run counts the test tasks use: a test waits until a task is reached, then opens its gate.</summary>
public static class Gates
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> s_reached = new();
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> s_open = new();
    private static readonly ConcurrentDictionary<string, int> s_runs = new();

    public static void Reset()
    {
        s_reached.Clear();
        s_open.Clear();
        s_runs.Clear();
    }

    public static int Ran(string what) => s_runs.AddOrUpdate(what, 1, (_, n) => n + 1);

    public static int Runs(string what) => s_runs.TryGetValue(what, out var n) ? n : 0;

    public static Task WhenReached(string gate) => Source(s_reached, gate).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public static void Open(string gate) => Source(s_open, gate).TrySetResult();

    public static async Task Wait(string gate, CancellationToken cancellationToken)
    {
        Source(s_reached, gate).TrySetResult();
        await Source(s_open, gate).Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource Source(ConcurrentDictionary<string, TaskCompletionSource> sources, string gate) =>
        sources.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
