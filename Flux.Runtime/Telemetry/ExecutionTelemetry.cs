using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// The spans and measurements of one run of an execution, made only when someone listens (see <see cref="Begin"/>):
/// the run's span, and for each call that runs its span and start time (a <see cref="CallSpan"/>), fed by the events the
/// execution records.
/// </summary>
/// <remarks>
/// The running calls' spans are kept here, by call scope, not on the scopes: a field on every call would make every call
/// of every execution 8 bytes bigger, listened to or not.
/// </remarks>
internal sealed class ExecutionTelemetry
{
    private readonly ExecutionContext _execution;
    private readonly Activity? _span;
    private readonly long _started;
    private readonly bool _traceCalls;
    private readonly bool _measureCalls;
    private readonly ConcurrentDictionary<CallScope, CallSpan> _running = new();

    private ExecutionTelemetry(ExecutionContext execution, Activity? span, bool traceCalls, bool measureCalls)
    {
        _execution = execution;
        _span = span;
        _traceCalls = traceCalls;
        _measureCalls = measureCalls;
        _started = execution.TimeProvider.GetTimestamp();
    }

    /// <summary>
    /// Starts the telemetry of a run, or returns null when nobody listens (the one check a run makes). The run's span is
    /// started as a child of <see cref="Activity.Current"/> and becomes the current activity of the caller's flow:
    /// call this inside the run's own asynchronous method.
    /// </summary>
    public static ExecutionTelemetry? Begin(ExecutionContext execution)
    {
        var source = FluxTelemetry.ActivitySource;
        var tracing = source.HasListeners();
        var measuring = FluxTelemetry.Calls.Enabled || FluxTelemetry.CallDuration.Enabled;
        if (!tracing && !measuring && !FluxTelemetry.Executions.Enabled && !FluxTelemetry.ExecutionDuration.Enabled)
        {
            return null;
        }

        Activity? span = null;
        if (tracing)
        {
            span = source.StartActivity($"workflow {execution.WorkflowName}", ActivityKind.Internal);
            if (span is { IsAllDataRequested: true })
            {
                span.SetTag(FluxTelemetry.WorkflowTag, execution.WorkflowName);
                span.SetTag(FluxTelemetry.ExecutionIdTag, execution.ExecutionId);
            }
        }

        return new ExecutionTelemetry(execution, span, tracing, measuring);
    }

    /// <summary>Ends the run's span and measures the run, by the state it ended in.</summary>
    public void End()
    {
        var state = _execution.State;
        var outcome = FluxTelemetry.OutcomeOf(state);
        if (_span is { } span)
        {
            span.SetTag(FluxTelemetry.OutcomeTag, outcome);
            if (state == ExecutionState.Failed && _execution.Error is { } error)
            {
                span.AddException(error);
                span.SetStatus(ActivityStatusCode.Error, error.Message);
            }

            span.Stop();
        }

        var tags = new TagList { { FluxTelemetry.WorkflowTag, _execution.WorkflowName }, { FluxTelemetry.OutcomeTag, outcome } };
        FluxTelemetry.Executions.Add(1, tags);
        FluxTelemetry.ExecutionDuration.Record(_execution.TimeProvider.GetElapsedTime(_started).TotalSeconds, tags);
    }

    /// <summary>An event of a call was recorded: its start opens its span, its end closes it; retries and timeouts are span events.</summary>
    public void OnCall<T>(ExecutionEventType type, CallScope call, T value)
    {
        switch (type)
        {
            case ExecutionEventType.TaskStarted:
                Start(call);
                break;
            case ExecutionEventType.TaskCompleted:
                End(call, "succeeded", null);
                break;
            case ExecutionEventType.TaskFailed:
                End(call, "failed", value as Exception);
                break;
            case ExecutionEventType.TaskCancelled:
                End(call, "cancelled", null);
                break;
            case ExecutionEventType.TaskPaused:
                End(call, "paused", null);
                break;
            case ExecutionEventType.TaskRetryStarted when _running.TryGetValue(call, out var running) && value is RetryInfo retry:
                running.Attempts = retry.Attempt + 1;
                break;
            case ExecutionEventType.TaskRetryFailed when SpanOf(call) is { } span && value is RetryInfo failed:
                span.AddEvent(new ActivityEvent("flux.retry", tags: new ActivityTagsCollection
                {
                    { FluxTelemetry.AttemptTag, failed.Attempt + 1 },
                    { "exception.type", failed.Error?.GetType().FullName },
                    { "exception.message", failed.Error?.Message },
                }));
                break;
            case ExecutionEventType.TaskTimedOut when SpanOf(call) is { } span:
                span.AddEvent(new ActivityEvent("flux.timeout"));
                break;
        }
    }

    private void Start(CallScope call)
    {
        Activity? span = null;
        if (_traceCalls)
        {
            var parent = ParentSpan(call) ?? _span;
            span = FluxTelemetry.ActivitySource.CreateActivity(
                $"task {call.Name}", ActivityKind.Internal, parent?.Context ?? default(ActivityContext));
            if (span is not null)
            {
                if (span.IsAllDataRequested)
                {
                    span.SetTag(FluxTelemetry.WorkflowTag, _execution.WorkflowName);
                    span.SetTag(FluxTelemetry.ExecutionIdTag, _execution.ExecutionId);
                    span.SetTag(FluxTelemetry.TaskTag, call.Name);
                    span.SetTag(FluxTelemetry.CallIdTag, call.IdText);
                }

                // Starting makes it the current activity of this flow, the caller's: the caller keeps its own, and the
                // call's body gets this one (see Enter).
                var callers = Activity.Current;
                span.Start();
                Activity.Current = callers;
            }
        }

        if (span is not null || _measureCalls)
        {
            _running[call] = new CallSpan(span, _execution.TimeProvider.GetTimestamp());
        }
    }

    private void End(CallScope call, string outcome, Exception? error)
    {
        _running.TryRemove(call, out var running);
        if (running?.Span is { } span)
        {
            span.SetTag(FluxTelemetry.OutcomeTag, outcome);
            span.SetTag(FluxTelemetry.AttemptTag, running.Attempts);
            if (error is not null)
            {
                span.AddException(error);
                span.SetStatus(ActivityStatusCode.Error, error.Message);
            }

            span.Stop();
        }

        if (_measureCalls)
        {
            var tags = new TagList { { FluxTelemetry.TaskTag, call.Name }, { FluxTelemetry.OutcomeTag, outcome } };
            FluxTelemetry.Calls.Add(1, tags);
            if (running is not null)
            {
                FluxTelemetry.CallDuration.Record(_execution.TimeProvider.GetElapsedTime(running.Started).TotalSeconds, tags);
            }
        }
    }

    /// <summary>The span of a running call; null when it has none.</summary>
    private Activity? SpanOf(CallScope call) => _running.TryGetValue(call, out var running) ? running.Span : null;

    /// <summary>The span of the nearest enclosing call that has one (the call whose body made this one, or opened its batch).</summary>
    private Activity? ParentSpan(CallScope call)
    {
        for (var scope = call.Parent; scope is not null; scope = scope.Parent)
        {
            if (scope is CallScope parent && SpanOf(parent) is { } span)
            {
                return span;
            }
        }

        return null;
    }

    /// <summary>
    /// Makes a call's span the current activity of the flow its body runs in; nothing when its execution's telemetry is
    /// off (one test of a field) or the call has no span.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(ExecutionContext? execution, CallScope call)
    {
        if (execution?.Telemetry is { } telemetry && telemetry.SpanOf(call) is { } span)
        {
            Activity.Current = span;
        }
    }
}

/// <summary>A running call's span (null when only metrics are collected), its start on the execution's clock and its attempts.</summary>
internal sealed class CallSpan(Activity? span, long started)
{
    public Activity? Span { get; } = span;

    public long Started { get; } = started;

    public int Attempts { get; set; } = 1;
}
