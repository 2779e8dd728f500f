namespace Flux.Benchmarks;

/// <summary>The trivial tasks the benchmarks call: the cost measured is Flux's, not the work's.</summary>
public static partial class BenchTasks
{
    [Task] public static ValueTask<int> AddOne(int x) => ValueTask.FromResult(x + 1);

    [Task]
    public static async Task<int> AddOneYielding(int x)
    {
        await Task.Yield();
        return x + 1;
    }

    [Task(Retries = 3, RetryDelay = "1s", RetryBackoff = 2, Fallback = nameof(MinusOne), Rollback = nameof(Forget))]
    public static ValueTask<int> AddOneWithRecovery(int x) => ValueTask.FromResult(x + 1);

    [Task(Timeout = "30s")]
    public static ValueTask<int> AddOneWithTimeout(int x) => ValueTask.FromResult(x + 1);

    private static int MinusOne(int x) => -1;

    private static void Forget(int x)
    {
    }

    [Task] public static ValueTask<int> Double(int x) => ValueTask.FromResult(x * 2);

    [Task] public static ValueTask<int> Square(int x) => ValueTask.FromResult(x * x);

    /// <summary>The same bodies, called directly: the hand-written baseline.</summary>
    public static class Direct
    {
        public static ValueTask<int> AddOne(int x) => ValueTask.FromResult(x + 1);

        /// <summary>The same body under a hand-written 30 s limit: what a timeout costs without Flux.</summary>
        public static async ValueTask<int> AddOneWithTimeout(int x)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await AddOne(x).AsTask().WaitAsync(limit.Token);
        }

        public static async Task<int> AddOneYielding(int x)
        {
            await Task.Yield();
            return x + 1;
        }

        public static ValueTask<int> Double(int x) => ValueTask.FromResult(x * 2);

        public static ValueTask<int> Square(int x) => ValueTask.FromResult(x * x);
    }

    /// <summary>Runs a body inside a workflow, as Flux code always runs, so the in-memory event log is on.</summary>
    public static async Task<T> InWorkflow<T>(Func<Task<T>> body)
    {
        var workflow = new WorkflowHandle<int, T>("bench", async _ => await body());
        var ctx = await workflow.RunAsync(0);
        return ctx.GetOutputOrThrow();
    }
}
