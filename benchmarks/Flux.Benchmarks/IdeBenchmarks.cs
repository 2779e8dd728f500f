using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Benchmarks;

/// <summary>
/// What Flux costs in the IDE, on <see cref="SyntheticProject"/> (1,000 tasks, 100 workflows running fluent graphs):
/// a full run of every Flux generator and analyzer, then a one-line edit inside one task's body: the generators'
/// incremental run, the analyzers over the whole compilation and over the edited file, and the compiler alone for
/// comparison.
/// </summary>
/// <remarks>
/// Parsing is done once in <see cref="Setup"/>: the IDE parses a file whatever analyzers it has. Every benchmark works
/// on a compilation it creates itself, so no binding done by an earlier invocation is reused: a compilation caches what
/// it has bound, and the IDE makes a new one (with <c>ReplaceSyntaxTree</c>) at each edit. The setup throws when the
/// project does not compile cleanly or when the edit makes a generator step other than the edited file's syntax work,
/// so that a regression in incrementality shows up here and not only in the numbers.
/// </remarks>
[MemoryDiagnoser]
public class IdeBenchmarks
{
    private ImmutableArray<IIncrementalGenerator> _generators;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private ImmutableArray<SyntaxTree> _trees;
    private SyntaxTree _original = null!;
    private SyntaxTree _edited = null!;
    private CSharpCompilation _compilation = null!;
    private Compilation _generated = null!;
    private GeneratorDriver _ran = null!;
    private GeneratorDriver _baselineRan = null!;
    private GeneratorDriver _signatureBaselineRan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generators = SyntheticProject.Generators();
        _analyzers = SyntheticProject.Analyzers();
        _trees = SyntheticProject.Parse();
        _original = _trees.Single(t => t.FilePath == SyntheticProject.EditedPath);
        _edited = SyntheticProject.ParseEdited(increment: 2);
        _compilation = SyntheticProject.Compile(_trees);

        // What the benchmarks start from: a driver that has run once, and its output.
        _ran = Driver(track: false).RunGeneratorsAndUpdateCompilation(_compilation, out _generated, out _);

        _baselineRan = CSharpGeneratorDriver.Create([new FloorGenerator().AsSourceGenerator()], parseOptions: SyntheticProject.ParseOptions)
            .RunGenerators(_compilation);
        _signatureBaselineRan = CSharpGeneratorDriver.Create([new FloorGenerator(signatures: true).AsSourceGenerator()], parseOptions: SyntheticProject.ParseOptions)
            .RunGenerators(_compilation);

        var tracked = Driver(track: true).RunGeneratorsAndUpdateCompilation(_compilation, out var output, out var generatorDiagnostics);
        CheckFullRun(tracked.GetRunResult(), output, generatorDiagnostics);
        CheckEditIsIncremental(tracked.RunGenerators(_compilation.ReplaceSyntaxTree(_original, _edited)).GetRunResult());
    }

    /// <summary>(a) Every Flux generator, then every Flux analyzer over the whole project, from nothing.</summary>
    [Benchmark]
    public async Task<int> FullRun()
    {
        Driver(track: false).RunGeneratorsAndUpdateCompilation(SyntheticProject.Compile(_trees), out var output, out _);
        var diagnostics = await output.WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Length;
    }

    /// <summary>(b) A one-line edit in one task's body: the generators run again on a driver that already ran.</summary>
    /// <remarks>Includes making the edited compilation with <c>ReplaceSyntaxTree</c>, which the IDE does anyway (and which is lazy).</remarks>
    [Benchmark]
    public GeneratorDriver GeneratorsAfterEdit() =>
        _ran.RunGenerators(_compilation.ReplaceSyntaxTree(_original, _edited));

    /// <summary>
    /// For comparison: the same edit through the cheapest generator that finds the same methods (<see cref="FloorGenerator"/>):
    /// the floor that Roslyn's <c>ForAttributeWithMetadataName</c> costs any attribute-driven generator.
    /// </summary>
    [Benchmark]
    public GeneratorDriver BaselineGeneratorAfterEdit() =>
        _baselineRan.RunGenerators(_compilation.ReplaceSyntaxTree(_original, _edited));

    /// <summary>
    /// For comparison: the same floor generator that also binds each method's signature (its parameter and return types),
    /// as any generator that writes typed code must; Flux's generators do this for every task at every keystroke.
    /// </summary>
    [Benchmark]
    public GeneratorDriver SignatureBaselineGeneratorAfterEdit() =>
        _signatureBaselineRan.RunGenerators(_compilation.ReplaceSyntaxTree(_original, _edited));

    /// <summary>(c) After the edit, every Flux analyzer over the whole compilation (generated files included).</summary>
    /// <remarks>This binds every method body again, which is mostly the compiler's own work: compare <see cref="CompilerAfterEdit"/>.</remarks>
    [Benchmark]
    public async Task<int> AnalyzersAfterEdit()
    {
        var diagnostics = await _generated.ReplaceSyntaxTree(_original, _edited).WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Length;
    }

    /// <summary>(c') After the edit, every Flux analyzer over the edited file only, as the IDE analyzes an open document.</summary>
    [Benchmark]
    public async Task<int> AnalyzersOnEditedFile()
    {
        var compilation = _generated.ReplaceSyntaxTree(_original, _edited);
        var diagnostics = await compilation.WithAnalyzers(_analyzers)
            .GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(_edited), filterSpan: null, CancellationToken.None);
        return diagnostics.Length;
    }

    /// <summary>For comparison: the compiler's own diagnostics after the edit, with no analyzer (the binding (c) pays too).</summary>
    [Benchmark]
    public int CompilerAfterEdit() =>
        _generated.ReplaceSyntaxTree(_original, _edited).GetDiagnostics().Length;

    private GeneratorDriver Driver(bool track) =>
        CSharpGeneratorDriver.Create(
            _generators.Select(GeneratorExtensions.AsSourceGenerator),
            parseOptions: SyntheticProject.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>The project compiles with no error and no Flux diagnostic, and the task generator wrote one file per module plus the catalog.</summary>
    private void CheckFullRun(GeneratorDriverRunResult run, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        var errors = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic project does not compile:\n" + string.Join("\n", errors.Take(10)));
        }

        var flux = output.WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (flux.Length > 0)
        {
            throw new InvalidOperationException("The synthetic project has analyzer diagnostics:\n" + string.Join("\n", flux.Take(10)));
        }

        var tasks = run.Results.Single(r => r.Generator.GetGeneratorType().Name == "FluxGenerator").GeneratedSources.Length;
        if (tasks != SyntheticProject.Modules + 1)
        {
            throw new InvalidOperationException($"FluxGenerator wrote {tasks} files, expected {SyntheticProject.Modules + 1} (one per module and the catalog).");
        }

        foreach (var result in run.Results)
        {
            Console.WriteLine($"// {result.Generator.GetGeneratorType().Name}: {result.GeneratedSources.Length} files");
        }
    }

    /// <summary>
    /// After an edit inside a method body every named step is Cached or Unchanged and no file is written again. Only
    /// Roslyn's own syntax steps of <c>ForAttributeWithMetadataName</c> (named <c>..._ForAttribute...</c>) and the
    /// compilation input may see the edited file as modified: they are what finds out that nothing else changed.
    /// </summary>
    private static void CheckEditIsIncremental(GeneratorDriverRunResult run)
    {
        var problems = new List<string>();
        foreach (var result in run.Results)
        {
            var generator = result.Generator.GetGeneratorType().Name;
            foreach (var (name, steps) in result.TrackedSteps)
            {
                var reasons = steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
                var redone = reasons.Count(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
                Console.WriteLine($"// {generator}.{name}: {string.Join(", ", reasons.GroupBy(r => r).Select(g => g.Key + " " + g.Count()))}");
                if (redone > 0 && !IsSyntaxOfTheEditedFile(name))
                {
                    problems.Add($"{generator}.{name}: {redone} of {reasons.Count} outputs redone");
                }
            }

            foreach (var (name, steps) in result.TrackedOutputSteps)
            {
                var written = steps.SelectMany(s => s.Outputs).Count(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
                if (written > 0)
                {
                    problems.Add($"{generator}.{name}: {written} files written again");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("A one-line edit in a method body was not incremental:\n" + string.Join("\n", problems));
        }
    }

    private static bool IsSyntaxOfTheEditedFile(string step) =>
        step.Contains("_ForAttribute", StringComparison.Ordinal) || step == "Compilation";
}
