using System.Collections.Concurrent;

namespace Flux;

/// <summary>
/// The process-wide memo of tasks with <see cref="TaskOptions.Cache"/>: successful body results keyed by task name and
/// argument hash (the <see cref="TaskCallId.Name"/> and <see cref="TaskCallId.ArgumentsHash"/> of the call, not its
/// occurrence), shared by every execution in the process.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A null result is cached like any other value (Python flux treats null as a miss and re-runs the body).</item>
/// <item>Only a body's result is cached, from whichever attempt succeeded; a fallback's result is not, so the next call tries the body again.</item>
/// <item>Entries live until the process ends or <see cref="Clear()"/> removes them; the store is not bounded.</item>
/// <item>Two identical calls running at the same time both run the body (there is no de-duplication of calls in flight).</item>
/// <item>The key is a 64-bit hash of the arguments, as for call ids; distinct arguments that collide would share an entry.</item>
/// </list>
/// </remarks>
public static class TaskCache
{
    private static readonly ConcurrentDictionary<(string Name, ulong Hash), object?> s_entries = new();

    /// <summary>How many results are cached.</summary>
    public static int Count => s_entries.Count;

    /// <summary>Removes every cached result.</summary>
    public static void Clear() => s_entries.Clear();

    /// <summary>Removes the cached results of one task.</summary>
    /// <param name="taskName">The task's name, as <see cref="TaskHandle.Name"/> shows it.</param>
    public static void Clear(string taskName)
    {
        ArgumentNullException.ThrowIfNull(taskName);
        foreach (var key in s_entries.Keys)
        {
            if (string.Equals(key.Name, taskName, StringComparison.Ordinal))
            {
                s_entries.TryRemove(key, out _);
            }
        }
    }

    internal static bool TryGet<TResult>(string name, ulong hash, out TResult result)
    {
        if (s_entries.TryGetValue((name, hash), out var value))
        {
            switch (value)
            {
                case TResult typed:
                    result = typed;
                    return true;
                case null when default(TResult) is null:
                    result = default!;
                    return true;
            }

            // Another task with the same name and another result type: not this task's entry.
        }

        result = default!;
        return false;
    }

    internal static void Set<TResult>(string name, ulong hash, TResult result) => s_entries[(name, hash)] = result;
}
