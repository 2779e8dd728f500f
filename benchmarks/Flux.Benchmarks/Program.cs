using BenchmarkDotNet.Running;
using Flux.Benchmarks;

if (args is ["streaming-memory", ..])
{
    // Peak memory is a property of the whole process, which BenchmarkDotNet does not report: measure it alone.
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    await StreamingMemory.RunAsync(count, Console.Out);
    return;
}

if (args is ["durable-figures", ..])
{
    var repeats = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
    await DurableFigures.RunAsync(Console.Out, repeats);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TaskCallBenchmarks).Assembly).Run(args);
