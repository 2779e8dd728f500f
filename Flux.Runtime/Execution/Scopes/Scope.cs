using System.Text;

namespace Flux;

/// <summary>
/// Where work runs and calls are made: the workflow body (the root), the body of a running call, a Map or a Parallel
/// (whose items are slots), or a graph run (whose nodes are slots). A scope carries the cancellation token of the
/// work inside it and its parent, and counts the calls and child scopes started in it, so that a call's id comes
/// from the program's structure (see <see cref="TaskCallId"/>): the path of its scopes, then, within its scope, the
/// task's name, the arguments' fingerprint and the occurrence of that pair.
/// </summary>
/// <remarks>
/// The ambient scope (<see cref="Current"/>) is always a root or a call: patterns open their own scope and start each
/// item's call in it explicitly, as a slot. Counts are allocated on the first call made in a scope (most scopes hold
/// one call, and a slot's call has occurrence 0 and position 0 without counting) and are changed under
/// <see cref="Gate"/>: the execution's lock, so that a call's occurrence and its <c>TaskStarted</c> event are
/// assigned in one step, or a lock of the scope's own outside a workflow.
/// </remarks>
internal abstract class Scope
{
    private static readonly AsyncLocal<Scope?> s_current = new();

    private protected ScopeCounters? _counters;
    private Lock? _ownGate;

    protected Scope(Scope? parent, CancellationToken token)
    {
        Parent = parent;
        Token = token;
    }

    /// <summary>The root or call scope the code running on this asynchronous flow belongs to; null outside any.</summary>
    public static Scope? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>The enclosing scope; null for a root, and for a call made outside any scope.</summary>
    public Scope? Parent { get; }

    /// <summary>The execution this scope belongs to; null outside a workflow.</summary>
    public abstract ExecutionContext? Execution { get; }

    /// <summary>True when the calls made in this scope record their events (false outside a workflow and in a streaming map).</summary>
    public abstract bool Records { get; }

    /// <summary>Where the calls made in this scope record their events; null when they are not recorded.</summary>
    public ExecutionContext? Log => Records ? Execution : null;

    /// <summary>
    /// The token of the work in this scope: a call made in it links to this token. For a call, the token of its current
    /// attempt (or of its rollback while that runs), so that a timeout reaches the calls its body made.
    /// </summary>
    public CancellationToken Token { get; set; }

    /// <summary>This scope's index in its execution's log (0 until an event refers to it); changed under the log's lock.</summary>
    public int LogIndex { get; set; }

    /// <summary>The lock under which this scope's counts change.</summary>
    public Lock Gate => Execution?.Gate ?? Volatile.Read(ref _ownGate) ?? Interlocked.CompareExchange(ref _ownGate, new Lock(), null) ?? _ownGate!;

    /// <summary>
    /// Assigns the next occurrence of a call with this key, and the call's position (the how-many-th call started in this
    /// scope). The caller holds <see cref="Gate"/>.
    /// </summary>
    public (int Occurrence, int Position) CountCall(ulong key)
    {
        var counters = _counters ??= new ScopeCounters();
        return (counters.Next(key), counters.NextPosition());
    }

    /// <summary>Assigns the next occurrence of a child scope (a Map, a Parallel, a graph run) with this key. Takes <see cref="Gate"/>.</summary>
    public int CountChild(ulong key)
    {
        lock (Gate)
        {
            return (_counters ??= new ScopeCounters()).Next(key);
        }
    }

    /// <summary>Something (a call, a pattern) was made with this scope as its parent, and keeps it for its id.</summary>
    public virtual void BecameParent()
    {
    }

    /// <summary>Appends what precedes the segment of a call made directly in this scope: its path and a '/', or nothing for a root.</summary>
    public abstract void AppendPrefix(StringBuilder text);

    /// <summary>Appends what precedes the segment of the call in slot <paramref name="slot"/> of this scope (a Map item, a Parallel slot, a graph node).</summary>
    public virtual void AppendSlotPrefix(StringBuilder text, int slot) =>
        throw new InvalidOperationException($"A {GetType().Name} has no slots.");

    /// <summary>Appends the path of this scope's parent, followed by a '/' unless it is empty; nothing for a scope without parent.</summary>
    protected void AppendParentPrefix(StringBuilder text) => Parent?.AppendPrefix(text);
}

/// <summary>The scope of a workflow body: the root of an execution's call ids (its path is empty).</summary>
internal sealed class RootScope(ExecutionContext execution, CancellationToken token) : Scope(null, token)
{
    public override ExecutionContext Execution { get; } = execution;

    public override bool Records => true;

    public override void AppendPrefix(StringBuilder text)
    {
    }
}
