namespace Flux;

/// <summary>What a scope counts: a task call (by task and fingerprint), a Map (by task), a Parallel, a graph run (by graph).</summary>
internal enum ScopeKind : byte
{
    Call,
    Map,
    Parallel,
    Graph,
}

/// <summary>
/// The exact identity of what a scope counts occurrences of: a kind, a name and (for a call) the arguments' fingerprint.
/// Keys compare exactly (the name by its text), so two different calls never share a count; <see cref="NameHash"/>
/// only spreads them over buckets and is never part of an id.
/// </summary>
internal readonly struct ScopeKey(ScopeKind kind, string name, int nameHash, ulong fingerprint) : IEquatable<ScopeKey>
{
    public ScopeKind Kind { get; } = kind;

    public string Name { get; } = name;

    public int NameHash { get; } = nameHash;

    public ulong Fingerprint { get; } = fingerprint;

    public bool Equals(ScopeKey other) =>
        Fingerprint == other.Fingerprint && Kind == other.Kind && NameHash == other.NameHash
        && (ReferenceEquals(Name, other.Name) || string.Equals(Name, other.Name, StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is ScopeKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(NameHash, Fingerprint, Kind);
}

/// <summary>
/// The counts of one scope: occurrences per key and the number of calls started. Most scopes count one key, which is
/// kept inline; a dictionary is made for the second distinct key. Not thread-safe: the scope's gate guards it.
/// </summary>
internal sealed class ScopeCounters
{
    private ScopeKey _first;
    private int _firstCount;
    private bool _hasFirst;
    private Dictionary<ScopeKey, int>? _others;
    private int _calls;

    /// <summary>The occurrence of <paramref name="key"/>: 0 the first time, then 1, 2...</summary>
    public int Next(in ScopeKey key)
    {
        if (!_hasFirst)
        {
            _first = key;
            _hasFirst = true;
            _firstCount = 1;
            return 0;
        }

        if (_first.Equals(key))
        {
            return _firstCount++;
        }

        _others ??= new Dictionary<ScopeKey, int>();
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_others, key, out _);
        return count++;
    }

    /// <summary>The position of the next call started in the scope: 0 for the first.</summary>
    public int NextPosition() => _calls++;
}
