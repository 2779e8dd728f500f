using System.Collections.Concurrent;

namespace Flux;

/// <summary>
/// The durable executions this process is running now, by id: what <c>CancelAsync</c> cancels directly, what tells
/// <see cref="ExecutionOwner.IsAlive"/> that a claim naming this process is a live run (and not one that was abandoned),
/// and what a watcher waits on for new commits.
/// </summary>
internal static class LiveExecutions
{
    private static readonly ConcurrentDictionary<string, List<ExecutionContext>> s_running = new(StringComparer.Ordinal);

    public static void Add(ExecutionContext execution)
    {
        var list = s_running.GetOrAdd(execution.ExecutionId, static _ => []);
        lock (list)
        {
            list.Add(execution);
        }
    }

    public static void Remove(ExecutionContext execution)
    {
        if (s_running.TryGetValue(execution.ExecutionId, out var list))
        {
            lock (list)
            {
                list.Remove(execution);
            }
        }
    }

    /// <summary>The run of this execution in this process on <paramref name="store"/>, if there is one.</summary>
    public static ExecutionContext? Find(IExecutionStore store, string executionId)
    {
        if (!s_running.TryGetValue(executionId, out var list))
        {
            return null;
        }

        lock (list)
        {
            return list.Find(e => ReferenceEquals(e.Store, store));
        }
    }

    public static bool IsRunningHere(string executionId)
    {
        if (!s_running.TryGetValue(executionId, out var list))
        {
            return false;
        }

        lock (list)
        {
            return list.Count > 0;
        }
    }
}
