namespace Flux.Benchmarks;

/// <summary>Parallel of 3 against Task.WhenAll, 100 per workflow run.</summary>
[MemoryDiagnoser]
public class ParallelBenchmarks
{
    private const int Rounds = 100;

    [Benchmark(Baseline = true, OperationsPerInvoke = Rounds)]
    public async Task<int> WhenAllOfThree()
    {
        var sum = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var results = await Task.WhenAll(
                BenchTasks.Direct.AddOneYielding(i), BenchTasks.Direct.AddOneYielding(i), BenchTasks.Direct.AddOneYielding(i));
            sum += results[2];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rounds)]
    public Task<int> ParallelOfThree() => BenchTasks.InWorkflow(async () =>
    {
        var sum = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var results = await Workflow.Parallel(
                BenchTasks.AddOneYieldingTask.Call(i), BenchTasks.AddOneYieldingTask.Call(i), BenchTasks.AddOneYieldingTask.Call(i));
            sum += results[2];
        }

        return sum;
    });

}

/// <summary>A 3-stage Pipeline against three awaits, 100 per workflow run.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Rounds = 100;

    [Benchmark(Baseline = true, OperationsPerInvoke = Rounds)]
    public async Task<int> ThreeAwaits()
    {
        var sum = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var a = await BenchTasks.Direct.Double(i);
            var b = await BenchTasks.Direct.AddOne(a);
            sum += await BenchTasks.Direct.Square(b);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rounds)]
    public Task<int> PipelineOfThree() => BenchTasks.InWorkflow(async () =>
    {
        var sum = 0;
        for (var i = 0; i < Rounds; i++)
        {
            sum += await Workflow.Pipeline(i, BenchTasks.DoubleTask, BenchTasks.AddOneTask, BenchTasks.SquareTask);
        }

        return sum;
    });
}
