using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Benchmarks;

/// <summary>
/// A quick Stopwatch probe of <see cref="IdeBenchmarks"/>' one-line edit, for iterating on the generators between two
/// BenchmarkDotNet runs (which remain the figures to report): each generator alone, all of them, and the baseline
/// generator, alternating, with the median and the minimum of <c>runs</c> edits.
/// </summary>
public static class IdeEditProbe
{
    public static void Run(int runs, string? only, TextWriter output)
    {
        var generators = SyntheticProject.Generators();
        var trees = SyntheticProject.Parse();
        var original = trees.Single(t => t.FilePath == SyntheticProject.EditedPath);
        var edited = SyntheticProject.ParseEdited(increment: 2);
        var compilation = SyntheticProject.Compile(trees);

        var drivers = new List<(string Name, GeneratorDriver Driver)>();
        foreach (var generator in generators)
        {
            drivers.Add((generator.GetType().Name, Ran([generator], compilation)));
        }

        drivers.Add(("all Flux generators", Ran(generators, compilation)));
        drivers.Add(("baseline (names only)", Ran([new FloorGenerator()], compilation)));
        drivers.Add(("baseline (names, signatures)", Ran([new FloorGenerator(signatures: true)], compilation)));
        if (only is not null)
        {
            drivers.RemoveAll(d => d.Name != only);
        }

        var times = drivers.Select(_ => new List<double>()).ToList();
        var allocated = new long[drivers.Count];
        var cpu = drivers.Select(_ => new List<double>()).ToList();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs + 5; i++)
        {
            for (var d = 0; d < drivers.Count; d++)
            {
                var next = compilation.ReplaceSyntaxTree(original, edited);
                var before = GC.GetAllocatedBytesForCurrentThread();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                drivers[d].Driver.RunGenerators(next);
                stopwatch.Stop();
                process.Refresh();
                var cpuTime = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                if (i >= 5)
                {
                    times[d].Add(stopwatch.Elapsed.TotalMilliseconds);
                    cpu[d].Add(cpuTime);
                    allocated[d] += GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }
        }

        for (var d = 0; d < drivers.Count; d++)
        {
            var sorted = times[d].Order().ToList();
            var cpuSorted = cpu[d].Order().ToList();
            output.WriteLine(
                $"{drivers[d].Name,-30} wall: median {sorted[sorted.Count / 2],6:F1} ms, min {sorted[0],6:F1} ms   " +
                $"process CPU: median {cpuSorted[cpuSorted.Count / 2],6:F1} ms   allocated {allocated[d] / (double)runs / (1024 * 1024),5:F2} MB");
        }
    }

    private static GeneratorDriver Ran(IEnumerable<IIncrementalGenerator> generators, CSharpCompilation compilation) =>
        CSharpGeneratorDriver.Create(generators.Select(GeneratorExtensions.AsSourceGenerator), parseOptions: SyntheticProject.ParseOptions)
            .RunGenerators(compilation);
}
