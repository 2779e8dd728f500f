using Microsoft.Extensions.Time.Testing;

namespace Flux.Runtime.Tests.Options;

/// <summary>
/// A fake clock that also reports the timers the runtime creates on it (a retry wait, an attempt's time limit), with
/// their due times, so that a test knows the runtime is waiting, and for how long, before it moves time forward.
/// </summary>
internal sealed class TestClock : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public TestClock()
        : base(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The due time of every timer created so far, in creation order.</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return _dueTimes.ToArray();
            }
        }
    }

    /// <summary>Time elapsed since the clock's start.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            foreach (var (count, reached) in _waiters)
            {
                if (_dueTimes.Count >= count)
                {
                    reached.TrySetResult();
                }
            }
        }

        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers have been created in all.</summary>
    public Task WaitForTimersAsync(int count)
    {
        lock (_gate)
        {
            if (_dueTimes.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.Guard();
        }
    }
}

internal static class TestGuards
{
    /// <summary>
    /// Fails the test instead of hanging it when an expected signal never comes. The limit is a safety net, never an
    /// assertion about timing: every wait it guards is released by a gate or the fake clock.
    /// </summary>
    public static Task Guard(this Task task) => task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <inheritdoc cref="Guard(Task)"/>
    public static Task<T> Guard<T>(this Task<T> task) => task.WaitAsync(TimeSpan.FromSeconds(30));
}

/// <summary>Runs a workflow body on the given clock.</summary>
internal static class OptionsWorkflow
{
    public static Task<ExecutionContext<int, T>> Run<T>(
        TimeProvider clock, Func<ExecutionContext<int>, Task<T>> body, CancellationToken cancellationToken = default, TaskCache? cache = null) =>
        new WorkflowHandle<int, T>("options_workflow", context => new ValueTask<T>(body(context)))
            .RunAsync(0, new RunOptions { TimeProvider = clock, Cache = cache }, cancellationToken);

    /// <summary>The types of the events of the calls of one task, in order.</summary>
    public static ExecutionEventType[] TypesOf(ExecutionContext context, string taskName) =>
        context.Events.Where(e => e.IsTaskEvent && e.Name == taskName).Select(e => e.Type).ToArray();

    /// <summary>The retry infos of one task's retry events, in order.</summary>
    public static RetryInfo[] RetriesOf(ExecutionContext context, string taskName) =>
        context.Events.Where(e => e.IsTaskEvent && e.Name == taskName && e.Value is RetryInfo).Select(e => (RetryInfo)e.Value!).ToArray();
}
