namespace Flux.Runtime.Tests.Support;

/// <summary>A one-shot signal for tests: a task waits on it until the test opens it. No timing involved.</summary>
internal sealed class Gate
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync(CancellationToken cancellationToken = default) => _opened.Task.WaitAsync(cancellationToken);

    public void Open() => _opened.TrySetResult();

    public bool IsOpen => _opened.Task.IsCompleted;
}

/// <summary>Completes when it has been signalled <c>count</c> times.</summary>
internal sealed class Countdown(int count)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = count;

    public Task Reached => _reached.Task;

    public void Signal()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _reached.TrySetResult();
        }
    }
}
