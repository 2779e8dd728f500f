namespace Flux.Benchmarks;

/// <summary>One task call against a direct await of the same method, 1000 calls per workflow run.</summary>
[MemoryDiagnoser]
public class TaskCallBenchmarks
{
    private const int Calls = 1000;

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public async Task<int> DirectAwait()
    {
        var x = 0;
        for (var i = 0; i < Calls; i++)
        {
            x = await BenchTasks.Direct.AddOne(x);
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public Task<int> FluxTaskCall() => BenchTasks.InWorkflow(async () =>
    {
        var x = 0;
        for (var i = 0; i < Calls; i++)
        {
            x = await BenchTasks.AddOneTask.Call(x);
        }

        return x;
    });

    [Benchmark(OperationsPerInvoke = Calls)]
    public Task<int> FluxTaskCallWithUnusedRetriesFallbackRollback() => BenchTasks.InWorkflow(async () =>
    {
        var x = 0;
        for (var i = 0; i < Calls; i++)
        {
            x = await BenchTasks.AddOneWithRecoveryTask.Call(x);
        }

        return x;
    });

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task<int> DirectAwaitWithHandWrittenTimeout()
    {
        var x = 0;
        for (var i = 0; i < Calls; i++)
        {
            x = await BenchTasks.Direct.AddOneWithTimeout(x);
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public Task<int> FluxTaskCallWithTimeout() => BenchTasks.InWorkflow(async () =>
    {
        var x = 0;
        for (var i = 0; i < Calls; i++)
        {
            x = await BenchTasks.AddOneWithTimeoutTask.Call(x);
        }

        return x;
    });

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task<int> DirectAwaitYielding()
    {
        var x = 0;
        for (var i = 0; i < Calls; i++)
        {
            x = await BenchTasks.Direct.AddOneYielding(x);
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public Task<int> FluxTaskCallYielding() => BenchTasks.InWorkflow(async () =>
    {
        var x = 0;
        for (var i = 0; i < Calls; i++)
        {
            x = await BenchTasks.AddOneYieldingTask.Call(x);
        }

        return x;
    });
}
