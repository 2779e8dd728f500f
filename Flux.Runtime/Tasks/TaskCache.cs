using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// Where tasks with <see cref="TaskOptions.Cache"/> keep their results: successful body results, looked up by the
/// task, the instance an instance task runs on, the fingerprint of the arguments, and then the arguments themselves,
/// so that two calls whose arguments differ never share a result. A cache is an object its owner scopes and clears:
/// a run uses <see cref="RunOptions.Cache"/> (by default the one instance of <see cref="RunOptions.Default"/>); give a
/// host, a tenant or a test its own.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A hit needs the same task name, the same target instance (for an instance task: different instances never
/// share), the same fingerprint, and arguments equal by <see cref="EqualityComparer{T}.Default"/>: records, tuples,
/// strings and primitives compare by value; a class that does not override <see cref="object.Equals(object)"/>
/// compares by reference, so a new object with the same values misses (and runs the body) rather than risk a wrong hit.</item>
/// <item>A null result is cached like any other value (Python flux treats null as a miss and re-runs the body).</item>
/// <item>Only a body's result is cached, from whichever attempt succeeded; a fallback's result is not, so the next call tries the body again.</item>
/// <item>Entries live until <see cref="Clear()"/> removes them; the cache is not bounded. It keeps the arguments of
/// each entry; an instance task's entries go away with the instance.</item>
/// <item>Two identical calls running at the same time both run the body (there is no de-duplication of calls in flight).</item>
/// </list>
/// </remarks>
public sealed class TaskCache
{
    private readonly ConcurrentDictionary<EntryKey, Bucket> _entries = new();
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<EntryKey, Bucket>> _entriesByTarget = new();
    private int _count;

    /// <summary>How many results are cached.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Removes every cached result.</summary>
    public void Clear()
    {
        Clear(_entries, static _ => true);
        foreach (var (_, entries) in (IEnumerable<KeyValuePair<object, ConcurrentDictionary<EntryKey, Bucket>>>)_entriesByTarget)
        {
            Clear(entries, static _ => true);
        }
    }

    /// <summary>Removes the cached results of one task (of every instance, for an instance task).</summary>
    /// <param name="taskName">The task's name, as <see cref="TaskHandle.Name"/> shows it.</param>
    public void Clear(string taskName)
    {
        ArgumentNullException.ThrowIfNull(taskName);
        Clear(_entries, key => string.Equals(key.Name, taskName, StringComparison.Ordinal));
        foreach (var (_, entries) in (IEnumerable<KeyValuePair<object, ConcurrentDictionary<EntryKey, Bucket>>>)_entriesByTarget)
        {
            Clear(entries, key => string.Equals(key.Name, taskName, StringComparison.Ordinal));
        }
    }

    internal bool TryGet<TArguments, TResult>(TaskHandle<TArguments, TResult> handle, ulong fingerprint, TArguments arguments, out TResult result)
    {
        var entries = handle.Target is { } target
            ? (_entriesByTarget.TryGetValue(target, out var byTarget) ? byTarget : null)
            : _entries;
        if (entries is not null && entries.TryGetValue(new EntryKey(handle.Name, fingerprint), out var bucket))
        {
            return bucket.TryGet(arguments, out result);
        }

        result = default!;
        return false;
    }

    internal void Set<TArguments, TResult>(TaskHandle<TArguments, TResult> handle, ulong fingerprint, TArguments arguments, TResult result)
    {
        var entries = handle.Target is { } target ? _entriesByTarget.GetValue(target, static _ => new()) : _entries;
        var bucket = entries.GetOrAdd(new EntryKey(handle.Name, fingerprint), static _ => new Bucket());
        if (bucket.Set(arguments, result))
        {
            Interlocked.Increment(ref _count);
        }
    }

    private void Clear(ConcurrentDictionary<EntryKey, Bucket> entries, Func<EntryKey, bool> match)
    {
        foreach (var key in entries.Keys)
        {
            if (match(key) && entries.TryRemove(key, out var bucket))
            {
                Interlocked.Add(ref _count, -bucket.Count);
            }
        }
    }

    private readonly record struct EntryKey(string Name, ulong Fingerprint);

    /// <summary>The entries of one task and fingerprint: usually one, several when different arguments share a fingerprint.</summary>
    private sealed class Bucket
    {
        private object[] _entries = [];

        public int Count => Volatile.Read(ref _entries).Length;

        public bool TryGet<TArguments, TResult>(TArguments arguments, out TResult result)
        {
            foreach (var entry in Volatile.Read(ref _entries))
            {
                // Another task with the same name but other types is not this task's entry.
                if (entry is Entry<TArguments, TResult> typed && EqualityComparer<TArguments>.Default.Equals(typed.Arguments, arguments))
                {
                    result = typed.Result;
                    return true;
                }
            }

            result = default!;
            return false;
        }

        /// <summary>Adds or replaces the entry of these arguments; true when it was added.</summary>
        public bool Set<TArguments, TResult>(TArguments arguments, TResult result)
        {
            lock (this)
            {
                var entries = _entries;
                for (var i = 0; i < entries.Length; i++)
                {
                    if (entries[i] is Entry<TArguments, TResult> typed && EqualityComparer<TArguments>.Default.Equals(typed.Arguments, arguments))
                    {
                        var replaced = (object[])entries.Clone();
                        replaced[i] = new Entry<TArguments, TResult>(arguments, result);
                        Volatile.Write(ref _entries, replaced);
                        return false;
                    }
                }

                Volatile.Write(ref _entries, [.. entries, new Entry<TArguments, TResult>(arguments, result)]);
                return true;
            }
        }
    }

    private sealed class Entry<TArguments, TResult>(TArguments arguments, TResult result)
    {
        public TArguments Arguments { get; } = arguments;

        public TResult Result { get; } = result;
    }
}
