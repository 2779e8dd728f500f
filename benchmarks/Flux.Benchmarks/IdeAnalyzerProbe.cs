using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Benchmarks;

/// <summary>
/// What each Flux analyzer costs on the file the IDE benchmark edits (as the IDE analyzes an open document): the total
/// per edit, and each analyzer's own execution time as Roslyn measures it, summed over the runs and averaged.
/// </summary>
public static class IdeAnalyzerProbe
{
    public static async Task RunAsync(int runs, TextWriter output)
    {
        var generators = SyntheticProject.Generators();
        var analyzers = SyntheticProject.Analyzers();
        var trees = SyntheticProject.Parse();
        var original = trees.Single(t => t.FilePath == SyntheticProject.EditedPath);
        var edited = SyntheticProject.ParseEdited(increment: 2);
        CSharpGeneratorDriver.Create(generators.Select(GeneratorExtensions.AsSourceGenerator), parseOptions: SyntheticProject.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(SyntheticProject.Compile(trees), out var generated, out _);

        var totals = new List<double>();
        var perAnalyzer = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        for (var i = 0; i < runs + 3; i++)
        {
            var compilation = generated.ReplaceSyntaxTree(original, edited);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var stopwatch = Stopwatch.StartNew();
            var result = await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(edited), filterSpan: null, CancellationToken.None);
            stopwatch.Stop();
            if (i < 3)
            {
                continue;
            }

            totals.Add(stopwatch.Elapsed.TotalMilliseconds);
            foreach (var (analyzer, telemetry) in result.AnalyzerTelemetryInfo)
            {
                var name = analyzer.GetType().Name;
                perAnalyzer[name] = perAnalyzer.GetValueOrDefault(name) + telemetry.ExecutionTime;
            }
        }

        var sorted = totals.Order().ToList();
        output.WriteLine($"analyzers on the edited file: median {sorted[sorted.Count / 2]:F1} ms, min {sorted[0]:F1} ms");
        foreach (var (name, time) in perAnalyzer.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"  {name,-40} {time.TotalMilliseconds / runs,6:F2} ms");
        }
    }
}
