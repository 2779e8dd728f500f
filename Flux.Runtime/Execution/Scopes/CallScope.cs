using System.Text;

namespace Flux;

/// <summary>
/// One task call while it runs: its identity (see <see cref="TaskCallId"/>) and, as a scope, the parent of the calls its
/// body, fallback and rollback make. A call in a slot (a Map item, a Parallel slot, a graph node) is the slot's only
/// call, so the slot needs no object of its own: the call keeps the slot's index and is rendered inside it.
/// </summary>
/// <remarks>
/// A Map worker runs its items one after another, so one call scope can serve its items in turn (see <see cref="Reuse"/>):
/// no object and no change of the ambient scope per item. A scope that became the parent of something (a call or a
/// pattern made in its body, which keeps it for its id) is never reused: the worker makes a new one.
/// </remarks>
internal sealed class CallScope : Scope
{
    private int _entries;
    private RunningChildren? _children;
    private bool _isParent;
    private string? _idText;

    public CallScope(Scope? parent, int slot, string name, ulong fingerprint, CancellationToken token)
        : base(parent, token)
    {
        Slot = slot;
        Name = name;
        Fingerprint = fingerprint;
        parent?.BecameParent();
    }

    /// <summary>The execution of the scope the call was made in (a call keeps no copy: there are many calls).</summary>
    public override ExecutionContext? Execution => Parent?.Execution;

    /// <summary>A call records its events, and so do the calls its body makes, when the scope it was made in records them.</summary>
    public override bool Records => Parent?.Records ?? false;

    /// <summary>The slot the call fills in its parent (a Map item's index, a Parallel slot, a graph node's index); -1 for none.</summary>
    public int Slot { get; private set; }

    /// <summary>The task's name.</summary>
    public string Name { get; }

    /// <summary>The fingerprint of the call's arguments.</summary>
    public ulong Fingerprint { get; private set; }

    /// <summary>True when this scope can serve another call of the same task in its parent (nothing keeps it as a parent).</summary>
    public bool CanBeReused => !Volatile.Read(ref _isParent);

    /// <summary>Makes this scope the scope of the next call of the same task in the next slot of its parent.</summary>
    public void Reuse(int slot, ulong fingerprint, CancellationToken token)
    {
        Slot = slot;
        Fingerprint = fingerprint;
        Token = token;
        _entries = 0;
        _idText = null;
    }

    public override void BecameParent() => Volatile.Write(ref _isParent, true);

    /// <summary>The occurrence of (name, fingerprint) in the parent scope; 0 in a slot.</summary>
    public int Occurrence { get; private set; }

    /// <summary>The how-many-th call started in the parent scope (0 for the first); 0 in a slot.</summary>
    public int Position { get; private set; }

    /// <summary>The nearest enclosing call (the parent, or the call whose body opened the parent's batch or graph); null at the top.</summary>
    public CallScope? Owner => Parent as CallScope ?? Parent?.Parent as CallScope;

    /// <summary>The call's id.</summary>
    public TaskCallId Id => new(Parent, Slot, Name, Fingerprint, Occurrence, Position);

    /// <summary>The text of the call's id (built once, when first read), or the id a dispatched call was given.</summary>
    public string IdText => _idText ??= Id.ToString();

    /// <summary>The task the call runs; set for the calls of a durable, replayed or dispatched execution, which serialize its values.</summary>
    public TaskHandle? Handle { get; set; }

    /// <summary>What a resumed execution's log holds of this call when it started before and did not finish (it runs again); null otherwise.</summary>
    public RecordedCall? RecordedStart { get; set; }

    /// <summary>Gives a call made outside any execution the id of the call it runs for (a body dispatched from another process).</summary>
    public void UseId(string idText) => _idText = idText;

    /// <summary>True once the body started, in any attempt: only then does a rollback have something to compensate.</summary>
    public bool BodyEntered => Volatile.Read(ref _entries) > 0;

    /// <summary>Assigns the occurrence and position of a call not in a slot. The caller holds the parent's <see cref="Scope.Gate"/>.</summary>
    public void Count(ulong key)
    {
        if (Slot < 0 && Parent is not null)
        {
            (Occurrence, Position) = Parent.CountCall(key);
        }
    }

    /// <summary>The body is about to be called (an attempt, the fallback).</summary>
    public void EnteringBody() => Interlocked.Increment(ref _entries);

    /// <summary>
    /// The body was handed to the thread pool instead of running now: it counts as entered only once it starts
    /// (<see cref="EnteringBody"/> again), so a call cancelled while its body waits in the queue gets no rollback.
    /// </summary>
    public void BodyQueued() => Interlocked.Decrement(ref _entries);

    public override void AppendPrefix(StringBuilder text)
    {
        TaskCallId.Append(text, Parent, Slot, Name, Fingerprint, Occurrence);
        text.Append('/');
    }

    /// <summary>A call whose nearest enclosing call is this one started.</summary>
    public void ChildStarted()
    {
        var children = Volatile.Read(ref _children)
            ?? Interlocked.CompareExchange(ref _children, new RunningChildren(), null)
            ?? _children!;
        Interlocked.Increment(ref children.Count);
    }

    /// <summary>A call whose nearest enclosing call is this one ended.</summary>
    public void ChildEnded()
    {
        var children = Volatile.Read(ref _children)!;
        if (Interlocked.Decrement(ref children.Count) == 0)
        {
            Volatile.Read(ref children.Done)?.TrySetResult();
        }
    }

    /// <summary>Completes once no call made inside this one is running (after an attempt timed out and its token was cancelled).</summary>
    public Task WaitForChildrenAsync()
    {
        if (Volatile.Read(ref _children) is not { } children || Volatile.Read(ref children.Count) == 0)
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref children.Done, done);
        if (Volatile.Read(ref children.Count) == 0)
        {
            done.TrySetResult();
        }

        return done.Task;
    }

    /// <summary>The calls made inside a call that are still running; made when the first one starts (most calls make none).</summary>
    private sealed class RunningChildren
    {
        public int Count;
        public TaskCompletionSource? Done;
    }
}
