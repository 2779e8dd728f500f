using System.Runtime.ExceptionServices;

namespace Flux;

/// <summary>
/// The life of a durable execution around its passes: its claim (held, renewed, released), a cancellation asked for
/// in this process or another, the value a resume hands to the pause that parked the run, and the end of a pass
/// (its terminal event committed before the claim is released).
/// </summary>
public abstract partial class ExecutionContext
{
    private ClaimKeeper? _claim;
    private ResumeValue? _resume;
    private volatile bool _cancelRequested;
    private Exception? _claimLost;

    private List<DateTimeOffset>? _wakes;
    private Dictionary<string, ExecutionContext>? _pausedChildren;

    /// <summary>A sleep started waiting until <paramref name="wake"/>: a durable execution's summary shows the earliest such time, committed before the wait.</summary>
    internal ValueTask AddWakeAsync(DateTimeOffset wake)
    {
        if (_durable is not { } durable)
        {
            return default;
        }

        DateTimeOffset earliest;
        lock (Gate)
        {
            (_wakes ??= []).Add(wake);
            earliest = _wakes.Min();
        }

        durable.SetUpdate(new ExecutionUpdate { State = ExecutionState.Running, UpdatedAt = TimeProvider.GetUtcNow(), WakeAt = earliest });
        return durable.CommitAllAsync();
    }

    /// <summary>A sleep ended; the summary's wake time moves to the next one (it rides with the next commit).</summary>
    internal void RemoveWake(DateTimeOffset wake)
    {
        if (_durable is not { } durable)
        {
            return;
        }

        DateTimeOffset? earliest;
        lock (Gate)
        {
            _wakes?.Remove(wake);
            earliest = _wakes is { Count: > 0 } ? _wakes.Min() : null;
        }

        durable.SetUpdate(new ExecutionUpdate { State = ExecutionState.Running, UpdatedAt = TimeProvider.GetUtcNow(), WakeAt = earliest });
    }

    /// <summary>Keeps a transient child execution that paused, so that resuming this one in process resumes it.</summary>
    internal void KeepPausedChild(ExecutionContext child)
    {
        lock (Gate)
        {
            (_pausedChildren ??= new(StringComparer.Ordinal))[child.ExecutionId] = child;
        }
    }

    /// <summary>The transient child with this id that paused in an earlier pass, taken once.</summary>
    internal ExecutionContext? TakePausedChild(string executionId)
    {
        lock (Gate)
        {
            return _pausedChildren is { } children && children.Remove(executionId, out var child) ? child : null;
        }
    }

    /// <summary>True once a cancellation was asked for (<see cref="WorkflowHandle.CancelAsync"/>, or a request seen at a lease renewal).</summary>
    internal bool CancelRequested => _cancelRequested;

    /// <summary>Cancels the run: its calls are cancelled (their rollbacks run) and it ends Cancelled.</summary>
    internal void RequestCancel()
    {
        _cancelRequested = true;
        if (Volatile.Read(ref _cancellation) is { } cancellation)
        {
            Cancellations.Cancel(cancellation);
        }
    }

    /// <summary>Keeps the claim of a durable run: registers the run as live in this process and starts renewing the lease.</summary>
    internal void Hold(ClaimKeeper claim)
    {
        _claim = claim;
        LiveExecutions.Add(this);
        claim.Start();
    }

    /// <summary>The claim was lost to another owner: nothing more is written, and the run stops.</summary>
    internal void ClaimLost(Exception error)
    {
        Volatile.Write(ref _claimLost, error);
        _durable?.Break(error);
        RequestCancel();
    }

    /// <summary>The value of the resume that this pass continues from, for the pause that parked the run.</summary>
    internal void SetResumeValue(ResumeValue value) => _resume = value;

    /// <summary>Takes the resume value, once: the first pause that was waiting gets it.</summary>
    internal ResumeValue? TakeResumeValue() => Interlocked.Exchange(ref _resume, null);

    /// <summary>
    /// Gets a transient paused execution ready to run again in this process: a new pass that replays its own log, with
    /// <paramref name="value"/> for the pause. Records WorkflowResumed.
    /// </summary>
    private protected void ReopenPaused(ResumeValue value, CancellationToken cancellationToken)
    {
        if (State != ExecutionState.Paused)
        {
            throw new InvalidOperationException(
                $"Execution {ExecutionId} of workflow '{WorkflowName}' is {State}, not paused: only a paused execution can be resumed in process.");
        }

        var index = IndexOwnLog();
        ClearHalt();
        PausedAt = null;
        OpenPass(cancellationToken);
        SetResumeValue(value);
        RecordWorkflow(ExecutionEventType.WorkflowResumed, value.Value);
        BeginReplay(index);
    }

    /// <summary>
    /// Gets a durable execution loaded from its store ready for its next pass: replays <paramref name="index"/>, and
    /// for a paused execution records WorkflowResumed (state Running again) and keeps <paramref name="value"/> for the pause.
    /// </summary>
    internal void OpenResumedPass(ReplayIndex index, bool wasPaused, ResumeValue value, bool cancelRequested, CancellationToken cancellationToken)
    {
        State = ExecutionState.Created;
        OpenPass(cancellationToken);
        if (wasPaused)
        {
            SetResumeValue(value);
            RecordWorkflow(ExecutionEventType.WorkflowResumed, value.Value, payload: value.ToJson(Json!),
                update: new ExecutionUpdate { State = ExecutionState.Running, UpdatedAt = TimeProvider.GetUtcNow() });
        }

        BeginReplay(index);
        if (cancelRequested)
        {
            RequestCancel();
        }
    }

    /// <summary>Sets what a finished execution loaded from its store ended with; nothing runs.</summary>
    private protected void RestoreEnd(ExecutionState state, Exception? error, string? pausedAt)
    {
        State = state;
        Error = error;
        PausedAt = pausedAt;
        lock (Gate)
        {
            _closed = true;
        }
    }

    /// <summary>What ended this pass when something other than the body decided: a lost claim, a wrong replay, a pause.</summary>
    private protected Exception? PassOverriddenBy => Volatile.Read(ref _claimLost) ?? Volatile.Read(ref _halt);

    /// <summary>
    /// The pass has recorded its terminal (or pause) event <paramref name="last"/>: a durable run commits it, then gives
    /// its claim up. Throws when the store did not take it (the run's outcome is then not stored: the execution will be
    /// resumed from what was).
    /// </summary>
    private protected async Task EndPassAsync(long last)
    {
        if (_durable is not { } durable)
        {
            return;
        }

        Exception? failure = null;
        try
        {
            await durable.CommitAsync(last).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            failure = error;
        }

        try
        {
            if (failure is null && _claim is { } claim)
            {
                await claim.ReleaseAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _claim?.Dispose();
            LiveExecutions.Remove(this);
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Gives up a claim taken for a pass that will not run (the execution could not be loaded).</summary>
    internal async Task AbandonClaimAsync()
    {
        LiveExecutions.Remove(this);
        if (_claim is { } claim)
        {
            await claim.ReleaseAsync().ConfigureAwait(false);
        }
    }
}
