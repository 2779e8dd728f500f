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

if (args is ["ide-alloc", ..])
{
    // What the IDE edit allocates by type: 'ide-alloc 40' for Flux's generators, 'ide-alloc 40 floor' for the floor.
    IdeAllocationProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30, args is [_, _, "floor"], Console.Out);
    return;
}

if (args is ["ide-analyzers", ..])
{
    // What each Flux analyzer costs on the edited file, as Roslyn times it.
    await IdeAnalyzerProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20, Console.Out);
    return;
}

if (args is ["ide-edit", ..])
{
    // A quick Stopwatch probe of the IDE edit, for iterating; BenchmarkDotNet's IdeBenchmarks give the figures to report.
    IdeEditProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30, args.Length > 2 ? args[2] : null, Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TaskCallBenchmarks).Assembly).Run(args);
