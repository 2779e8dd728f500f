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
/// The keys a scope counts occurrences by: one 64-bit mix of the kind, a stable hash of the name and (for a call) the
/// fingerprint. A small key that is cheap to hash keeps the counts of a million distinct calls compact. The name's hash
/// is the same in every process, so even two different calls whose keys collided would share a count the same way in
/// every run: their ids stay deterministic (only an occurrence number is skipped).
/// </summary>
internal static class ScopeKey
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>A stable 64-bit hash of a name (FNV-1a over its UTF-16 code units); compute it once per task or graph.</summary>
    public static ulong OfName(string name)
    {
        var hash = OffsetBasis;
        foreach (var c in name)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }

    /// <summary>The key of a call of the task whose name hashes to <paramref name="nameKey"/>, with these arguments.</summary>
    public static ulong Call(ulong nameKey, ulong fingerprint) => nameKey ^ (fingerprint * 0x9E3779B97F4A7C15UL);

    /// <summary>The key of a child scope (a Map of a task, a Parallel, a run of a graph).</summary>
    public static ulong Child(ScopeKind kind, ulong nameKey) => nameKey ^ ((ulong)kind * 0xC2B2AE3D27D4EB4FUL) ^ 0x165667B19E3779F9UL;
}

/// <summary>
/// The counts of one scope: occurrences per key and the number of calls started. Most scopes count one key, which is
/// kept inline; a dictionary is made for the second distinct key. Not thread-safe: the scope's gate guards it.
/// </summary>
internal sealed class ScopeCounters
{
    private ulong _firstKey;
    private int _firstCount;
    private Dictionary<ulong, int>? _others;
    private int _calls;

    /// <summary>The occurrence of <paramref name="key"/>: 0 the first time, then 1, 2...</summary>
    public int Next(ulong key)
    {
        if (_firstCount == 0)
        {
            _firstKey = key;
            _firstCount = 1;
            return 0;
        }

        if (_firstKey == key)
        {
            return _firstCount++;
        }

        _others ??= new Dictionary<ulong, int>();
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_others, key, out _);
        return count++;
    }

    /// <summary>The position of the next call started in the scope: 0 for the first.</summary>
    public int NextPosition() => _calls++;
}
