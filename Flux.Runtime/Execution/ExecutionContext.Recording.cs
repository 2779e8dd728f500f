using System.Text.Json;

namespace Flux;

/// <summary>
/// The recording path of an execution that is more than an in-memory log: durable (each event is also serialized and
/// queued for the store, see <see cref="DurableLog"/>), observed (<see cref="IExecutionObserver"/>), replayed (a
/// resumed execution finds its calls in a <see cref="ReplayIndex"/>) or halted (pausing, or stopped by a
/// <see cref="NonDeterminismException"/>). Calls of such an execution take <see cref="TaskInvoker"/>'s special path;
/// an execution with none of these never comes here.
/// </summary>
public abstract partial class ExecutionContext
{
    private const int DurableMode = 1;
    private const int ReplayMode = 2;
    private const int HaltMode = 4;
    private const int DispatchMode = 8;

    private DurableLog? _durable;
    private ObserverSink? _observer;
    private ReplayIndex? _replay;
    private Exception? _halt;
    private int _callMode;

    /// <summary>True when calls take the invoker's special path (durable, replayed, halted or dispatched).</summary>
    internal bool TakesSpecialPath => Volatile.Read(ref _callMode) != 0;

    /// <summary>The durable log; null for a transient execution.</summary>
    internal DurableLog? Durable => _durable;

    /// <summary>The store of a durable execution; null for a transient one.</summary>
    internal IExecutionStore? Store => _durable?.Store;

    /// <summary>The JSON options values are serialized with; null when nothing is serialized.</summary>
    internal JsonSerializerOptions? Json { get; private set; }

    /// <summary>Where the bodies of this execution's calls run; null for here.</summary>
    internal ITaskDispatcher? Dispatcher { get; private set; }

    /// <summary>The options the execution runs with.</summary>
    internal RunOptions Options { get; private set; } = RunOptions.Default;

    /// <summary>The observer's sink, for batches that report progress; null when nobody observes.</summary>
    internal ObserverSink? Observer => _observer;

    /// <summary>True once the execution is pausing or was stopped by a non-deterministic replay: every new call throws.</summary>
    internal bool IsHalted => Volatile.Read(ref _halt) is not null;

    /// <summary>Sets up what this execution records beyond its in-memory log.</summary>
    internal void Configure(RunOptions options, JsonSerializerOptions? json, DurableLog? durable)
    {
        Options = options;
        Json = json;
        _durable = durable;
        _observer = options.Observer is { } observer ? new ObserverSink(observer) : null;
        Dispatcher = options.TaskDispatcher;
        _callMode = (durable is null ? 0 : DurableMode) | (Dispatcher is null ? 0 : DispatchMode);
    }

    /// <summary>Replays calls from <paramref name="index"/> in the next pass.</summary>
    internal void BeginReplay(ReplayIndex index)
    {
        index.Seal();
        if (index.Count == 0)
        {
            return;
        }

        Volatile.Write(ref _replay, index);
        SetMode(ReplayMode, on: true);
    }

    /// <summary>Every recorded call was reached: the calls from here on are new, and need no look-up.</summary>
    internal void EndReplay()
    {
        Volatile.Write(ref _replay, null);
        SetMode(ReplayMode, on: false);
    }

    /// <summary>Stops new calls: the execution is pausing (a <see cref="PauseRequestedException"/>) or its replay went wrong; the first reason wins.</summary>
    internal void Halt(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _halt, reason, null) is null)
        {
            SetMode(HaltMode, on: true);
        }
    }

    /// <summary>An exception to throw for a call made after <see cref="Halt"/>: a new one each time (one exception is not thrown from two threads), or null.</summary>
    internal Exception? HaltException() => Volatile.Read(ref _halt) switch
    {
        null => null,
        PauseRequestedException pause => new PauseRequestedException(pause.PauseName),
        NonDeterminismException wrong => new NonDeterminismException(wrong.ExecutionId, wrong.ScopePath, wrong.Position, wrong.Recorded, wrong.Requested),
        var other => other,
    };

    private void ClearHalt()
    {
        Volatile.Write(ref _halt, null);
        SetMode(HaltMode, on: false);
    }

    private void SetMode(int flag, bool on)
    {
        int current, next;
        do
        {
            current = Volatile.Read(ref _callMode);
            next = on ? current | flag : current & ~flag;
        }
        while (Interlocked.CompareExchange(ref _callMode, next, current) != current);
    }

    /// <summary>
    /// A call of the special path starts: assigns its occurrence and position, finds it in the replayed log, and records
    /// its TaskStarted unless the log has it. Returns what the log holds of it: a finished call is not run (nor counted as
    /// running); a started one runs again without a second TaskStarted; null for a new call.
    /// </summary>
    /// <exception cref="NonDeterminismException">The log recorded another call at this call's position.</exception>
    /// <exception cref="PayloadSerializationException">The JSON options cannot serialize the task's arguments or result.</exception>
    internal RecordedCall? BeginSpecialCall<TArguments>(CallScope call, ulong key, TaskHandle handle, TArguments arguments, bool records)
    {
        if (records && Json is { } json && _durable is not null)
        {
            // A type without metadata fails the call before it starts, not after its body ran.
            handle.JsonFor(json);
        }

        if (call.Slot < 0)
        {
            lock (Gate)
            {
                call.Count(key);
            }
        }

        RecordedCall? recorded = null;
        if (records && Volatile.Read(ref _replay) is { } replay)
        {
            try
            {
                recorded = replay.Find(this, call);
            }
            catch (NonDeterminismException wrong)
            {
                Halt(wrong);
                throw;
            }

            if (recorded is { IsFinished: true })
            {
                return recorded;
            }
        }

        if (!records || recorded is not null)
        {
            Interlocked.Increment(ref _runningCalls);
            return recorded;
        }

        var payload = _durable is null ? null : handle.ArgumentsPayload(arguments, call.Position, started: true, Json!);
        Interlocked.Increment(ref _runningCalls);
        RecordCall(ExecutionEventType.TaskStarted, call, arguments, payload);
        return null;
    }

    /// <summary>
    /// Records an event of a task call (serialized for the store when the execution is durable) and returns its number;
    /// 0 when it was dropped because the execution had ended.
    /// </summary>
    internal long RecordCall<T>(ExecutionEventType type, CallScope call, T value, byte[]? payload = null)
    {
        var now = TimeProvider.GetUtcNow();
        string? id = null;
        if (_durable is not null)
        {
            payload ??= CallPayload(type, call, value);
            id = call.IdText;
        }

        var kept = EventValue.Of(value, out var bits);
        long sequence;
        lock (Gate)
        {
            if (_closed)
            {
                return 0;
            }

            _events.AppendCall(type, now, call, kept, bits);
            sequence = _events.Count;
            _durable?.Enqueue(new StoredEvent(sequence, type, now, id, call.Name, payload));
            _observer?.Notify(this, sequence, type, now, call, kept, bits);
        }

        Telemetry?.OnCall(type, call, value);
        return sequence;
    }

    /// <summary>The stored form of a call event's value (see <see cref="PayloadJson"/> for the shapes).</summary>
    private byte[]? CallPayload<T>(ExecutionEventType type, CallScope call, T value)
    {
        var json = Json!;
        switch (type)
        {
            case ExecutionEventType.TaskStarted:
            case ExecutionEventType.TaskFallbackStarted:
            case ExecutionEventType.TaskRollbackStarted:
                return call.Handle!.ArgumentsPayload(value, call.Position, started: type == ExecutionEventType.TaskStarted, json);
            case ExecutionEventType.TaskCompleted:
            case ExecutionEventType.TaskFallbackCompleted:
                return call.Handle!.ResultPayload(value, json);
            case ExecutionEventType.TaskFailed:
            case ExecutionEventType.TaskFallbackFailed:
            case ExecutionEventType.TaskRollbackFailed:
                return value is Exception error ? PayloadJson.Failure(error) : null;
            case ExecutionEventType.TaskRetryStarted:
            case ExecutionEventType.TaskRetryCompleted:
            case ExecutionEventType.TaskRetryFailed:
                return value is RetryInfo retry ? PayloadJson.Retry(retry) : null;
            case ExecutionEventType.TaskTimedOut:
                return value is TimeSpan limit ? PayloadJson.Duration(limit) : null;
            case ExecutionEventType.TaskPaused:
                return PayloadJson.String(value as string);
            default:
                return null;
        }
    }

    /// <summary>Loads events of earlier runs (from a store) into the in-memory log, before this run records anything.</summary>
    internal void LoadHistory(Action<EventLog> load)
    {
        lock (Gate)
        {
            load(_events);
        }
    }

    /// <summary>The calls of this execution's own log, for an in-process resume of a transient execution.</summary>
    internal ReplayIndex IndexOwnLog()
    {
        var index = new ReplayIndex();
        foreach (var e in Events)
        {
            if (!e.IsTaskEvent)
            {
                continue;
            }

            var id = e.CallId.ToString();
            switch (e.Type)
            {
                case ExecutionEventType.TaskStarted:
                    var started = index.Started(id, e.Name, e.CallId.Position);
                    if (e.Name == SleepTask.TaskName)
                    {
                        started.StartedValue = e.Value;
                    }

                    break;
                case ExecutionEventType.TaskCompleted:
                    index.Completed(id, e.Name, null, e.Value);
                    break;
                case ExecutionEventType.TaskFailed:
                    index.Failed(id, e.Name, null, e.Value);
                    break;
                case ExecutionEventType.TaskPaused:
                    index.Paused(id, e.Name);
                    break;
            }
        }

        return index;
    }
}

/// <summary>Hands events and progress to an <see cref="IExecutionObserver"/>; an observer's exception never reaches the execution.</summary>
internal sealed class ObserverSink(IExecutionObserver observer)
{
    public void Notify(ExecutionContext execution, long sequence, ExecutionEventType type, DateTimeOffset time, CallScope call, object? kept, ulong bits)
    {
        try
        {
            observer.OnEvent(execution, sequence, new ExecutionEvent(
                type, time.UtcTicks, call.Parent, call.Name, call.Fingerprint, call.Occurrence, call.Slot, call.Position, kept, bits));
        }
        catch (Exception)
        {
            // An observer never changes what the execution does.
        }
    }

    public void NotifyWorkflow(ExecutionContext execution, long sequence, ExecutionEventType type, DateTimeOffset time, object? value)
    {
        try
        {
            observer.OnEvent(execution, sequence, new ExecutionEvent(type, time, execution.WorkflowName, execution.ExecutionId, value));
        }
        catch (Exception)
        {
            // An observer never changes what the execution does.
        }
    }

    public void Progress(ExecutionContext execution, BatchProgress progress)
    {
        try
        {
            observer.OnProgress(execution, progress);
        }
        catch (Exception)
        {
            // An observer never changes what the execution does.
        }
    }
}
