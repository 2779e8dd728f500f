namespace Flux.Benchmarks;

/// <summary>A 10-node graph (a chain of AddOne) against the same ten calls written by hand, 100 runs per workflow.</summary>
[MemoryDiagnoser]
public class GraphBenchmarks
{
    private const int Rounds = 100;
    private const int Nodes = 10;
    private GraphDefinition _graph = null!;

    [GlobalSetup]
    public void Setup()
    {
        var graph = new Graph("chain");
        for (var i = 0; i < Nodes; i++)
        {
            graph.AddNode($"n{i}", BenchTasks.AddOneTask);
            if (i > 0)
            {
                graph.AddEdge($"n{i - 1}", $"n{i}");
            }
        }

        _graph = graph.StartWith("n0").EndWith($"n{Nodes - 1}").Build();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rounds)]
    public async Task<int> HandWrittenCalls()
    {
        var sum = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var x = round;
            for (var i = 0; i < Nodes; i++)
            {
                x = await BenchTasks.Direct.AddOne(x);
            }

            sum += x;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rounds)]
    public Task<int> HandWrittenTaskCalls() => BenchTasks.InWorkflow(async () =>
    {
        var sum = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var x = round;
            for (var i = 0; i < Nodes; i++)
            {
                x = await BenchTasks.AddOneTask.Call(x);
            }

            sum += x;
        }

        return sum;
    });

    [Benchmark(OperationsPerInvoke = Rounds)]
    public Task<int> FluxGraph() => BenchTasks.InWorkflow(async () =>
    {
        var sum = 0;
        for (var round = 0; round < Rounds; round++)
        {
            sum += await _graph.RunAsync<int, int>(round);
        }

        return sum;
    });
}
