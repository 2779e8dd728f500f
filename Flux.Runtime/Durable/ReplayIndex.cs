namespace Flux;

/// <summary>
/// The calls a resumed execution's log holds, built once when the execution is loaded: by call-id text, the outcome of
/// each (O(1) per call on replay, no scan), and, built only when the code makes a call the log does not have, the
/// calls of each scope by position, to tell a new call from one that differs from what was recorded at its place
/// (<see cref="NonDeterminismException"/>).
/// </summary>
/// <remarks>Filled by one thread; then read by the resumed run's threads at once (lookups only; the flags each call
/// sets are its own).</remarks>
internal sealed class ReplayIndex
{
    private readonly Dictionary<string, RecordedCall> _calls;
    private readonly Lock _scopesGate = new();
    private Dictionary<string, List<RecordedCall?>>? _scopes;
    private int _unseen;

    public ReplayIndex(int capacity = 0)
    {
        _calls = new Dictionary<string, RecordedCall>(capacity, StringComparer.Ordinal);
    }

    public int Count => _calls.Count;

    /// <summary>A TaskStarted of the log.</summary>
    public RecordedCall Started(string id, string name, int position)
    {
        var call = Get(id, name);
        if (call.Position < 0)
        {
            call.Position = position;
        }

        return call;
    }

    /// <summary>A TaskCompleted of the log; the first terminal event of a call is the one replay uses.</summary>
    public void Completed(string id, string name, byte[]? payload, object? value) =>
        Finished(id, name, RecordedOutcome.Completed, payload, value);

    /// <summary>A TaskFailed of the log.</summary>
    public void Failed(string id, string name, byte[]? payload, object? failure) =>
        Finished(id, name, RecordedOutcome.Failed, payload, failure);

    private void Finished(string id, string name, RecordedOutcome outcome, byte[]? payload, object? value)
    {
        var call = Get(id, name);
        if (!call.IsFinished)
        {
            call.Outcome = outcome;
            call.Payload = payload;
            call.Value = value;
            call.Paused = false;
        }
    }

    /// <summary>A TaskPaused of the log.</summary>
    public void Paused(string id, string name)
    {
        var call = Get(id, name);
        if (!call.IsFinished)
        {
            call.Paused = true;
        }
    }

    /// <summary>Called once the log is read: every call is still to be reached.</summary>
    public void Seal() => _unseen = _calls.Count;

    /// <summary>
    /// What the log holds of <paramref name="call"/> (whose occurrence and position were just assigned), or null for a
    /// call the log does not have. Throws <see cref="NonDeterminismException"/> when the log recorded another call at
    /// the same position of the same scope.
    /// </summary>
    public RecordedCall? Find(ExecutionContext execution, CallScope call)
    {
        var id = call.IdText;
        if (_calls.TryGetValue(id, out var recorded))
        {
            if (call.Slot < 0 && recorded.Position >= 0 && recorded.Position != call.Position)
            {
                var scope = ScopeOf(id);
                throw Mismatch(execution, scope, call.Position, RecordedAt(scope, call.Position)?.Id ?? "nothing", id);
            }

            if (!recorded.Seen)
            {
                recorded.Seen = true;
                if (Interlocked.Decrement(ref _unseen) == 0)
                {
                    execution.EndReplay();
                }
            }

            return recorded;
        }

        var path = call.Id.ScopePath;
        if (RecordedAt(path, call.Position) is { } other)
        {
            throw Mismatch(execution, path, call.Position, other.Id, id);
        }

        return null;
    }

    private static NonDeterminismException Mismatch(ExecutionContext execution, string scope, int position, string recorded, string requested) =>
        new(execution.ExecutionId, scope, position, recorded, requested);

    private RecordedCall Get(string id, string name)
    {
        ref var call = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_calls, id, out var exists);
        if (!exists)
        {
            call = new RecordedCall(id, name);
        }

        return call!;
    }

    private RecordedCall? RecordedAt(string scopePath, int position)
    {
        if (position < 0)
        {
            return null;
        }

        var scopes = Volatile.Read(ref _scopes) ?? BuildScopes();
        return scopes.TryGetValue(scopePath, out var calls) && position < calls.Count ? calls[position] : null;
    }

    private Dictionary<string, List<RecordedCall?>> BuildScopes()
    {
        lock (_scopesGate)
        {
            if (_scopes is { } built)
            {
                return built;
            }

            var scopes = new Dictionary<string, List<RecordedCall?>>(StringComparer.Ordinal);
            foreach (var call in _calls.Values)
            {
                if (call.Position < 0)
                {
                    continue;
                }

                var path = ScopeOf(call.Id);
                if (!scopes.TryGetValue(path, out var calls))
                {
                    scopes[path] = calls = [];
                }

                while (calls.Count <= call.Position)
                {
                    calls.Add(null);
                }

                calls[call.Position] = call;
            }

            Volatile.Write(ref _scopes, scopes);
            return scopes;
        }
    }

    /// <summary>The scope path of a call id: everything before its last segment (empty for a call of the workflow body).</summary>
    public static string ScopeOf(string id)
    {
        var slash = id.LastIndexOf('/');
        return slash < 0 ? "" : id[..slash];
    }
}
