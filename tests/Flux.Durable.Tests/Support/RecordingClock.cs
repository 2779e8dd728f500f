using Microsoft.Extensions.Time.Testing;

namespace Flux.Durable.Tests.Support;

/// <summary>A fake clock that reports the timers created on it with their due times, so a test knows what is waited for, and how long.</summary>
public sealed class RecordingClock() : FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
{
    private readonly List<TimeSpan> _due = [];
    private TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_due)
            {
                return _due.ToArray();
            }
        }
    }

    /// <summary>Completes when a timer with this due time is created (or has been).</summary>
    public async Task WhenTimer(TimeSpan due)
    {
        while (true)
        {
            Task next;
            lock (_due)
            {
                if (_due.Contains(due))
                {
                    return;
                }

                next = _created.Task;
            }

            await next.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        TaskCompletionSource created;
        lock (_due)
        {
            _due.Add(dueTime);
            created = _created;
            _created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        created.TrySetResult();
        return timer;
    }
}
