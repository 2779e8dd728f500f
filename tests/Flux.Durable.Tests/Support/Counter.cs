namespace Flux.Durable.Tests.Support;

/// <summary>An instance workflow: a class whose tasks and workflow run on an instance (a host makes one per execution).</summary>
public sealed partial class Counter(int step) : IAsyncDisposable
{
    public static int Disposed;

    public int Step { get; } = step;

    [Task]
    public int Bump(int value) => value + Step;

    [Workflow(Name = "counter")]
    public async Task<int> Count(ExecutionContext<int> ctx) => await BumpTask.Call(await BumpTask.Call(ctx.Input));

    public ValueTask DisposeAsync()
    {
        Interlocked.Increment(ref Disposed);
        return default;
    }
}
