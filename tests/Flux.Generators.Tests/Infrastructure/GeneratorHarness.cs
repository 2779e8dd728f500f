using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Generators.Tests.Infrastructure;

/// <summary>What one generator run produced.</summary>
/// <param name="Driver">The driver after the run, to run again incrementally.</param>
/// <param name="Input">The compilation the generator saw.</param>
/// <param name="Output">The compilation with the generated files added.</param>
/// <param name="Result">The run result: generated sources and tracked steps.</param>
internal sealed record GeneratorRun(GeneratorDriver Driver, CSharpCompilation Input, Compilation Output, GeneratorRunResult Result)
{
    /// <summary>The generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>The generated files joined, for "contains" assertions.</summary>
    public string AllText => string.Join("\n", Result.GeneratedSources.Select(s => s.SourceText.ToString()));
}

/// <summary>
/// Compiles test sources against .NET 10 reference assemblies and Flux.Runtime, and runs the generator with step tracking.
/// <see cref="Run"/> also checks what every generator test must hold: the generator neither throws nor reports, the output
/// compiles, a second run on an equal compilation is fully cached, and no step output holds a symbol or syntax node.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>The usings every test source gets, so that snippets read like user code.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Flux;
        """;

    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> s_references =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(TaskAttribute).Assembly.Location),
    ];

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Demo.App",
            [
                CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, path: "GlobalUsings.cs"),
                .. sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            ],
            s_references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true));

    /// <summary>
    /// A driver with both of Flux's generators, as a user's build has them: <see cref="FluxGenerator"/> first (its result is
    /// the one the tests inspect) and <see cref="Flux.Generators.DeclarativeGraphs.DeclarativeGraphGenerator"/>, which writes the
    /// declared graphs' bodies and handles that the catalog lists.
    /// </summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new FluxGenerator().AsSourceGenerator(), new Flux.Generators.DeclarativeGraphs.DeclarativeGraphGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once on a new driver, and checks the invariants (see the class remarks).</summary>
    /// <param name="sources">The user's files.</param>
    /// <param name="userErrors">Error ids the user's own code is expected to have (a test of skipping); the generator may add none.</param>
    public static GeneratorRun Run(string[] sources, params string[] userErrors)
    {
        var input = CreateCompilation(sources);
        var run = RunOn(CreateDriver(), input);
        AssertCompiles(run, userErrors);
        AssertCachedOnRerun(run);
        AssertNoForbiddenTypes(run.Result);
        return run;
    }

    /// <inheritdoc cref="Run(string[], string[])"/>
    public static GeneratorRun Run(string source, params string[] userErrors) => Run([source], userErrors);

    /// <summary>The run's input with its first file (<c>Source0.cs</c>) replaced by <paramref name="newSource"/>: an edit, as the IDE makes one.</summary>
    public static CSharpCompilation WithEditedSource(GeneratorRun run, string newSource)
    {
        var tree = run.Input.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");
        return run.Input.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(newSource, ParseOptions, path: "Source0.cs"));
    }

    /// <summary>Runs an existing driver on a compilation, with no checks.</summary>
    public static GeneratorRun RunOn(GeneratorDriver driver, CSharpCompilation input)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        var results = driver.GetRunResult().Results;
        Assert.That(results.Select(r => r.Exception), Is.All.Null, "the generators threw");
        Assert.That(results.SelectMany(r => r.Diagnostics), Is.Empty, "the generators report nothing: Flux.Analyzers does");
        var result = results[0];
        return new GeneratorRun(driver, input, output, result);
    }

    /// <summary>The output has no error beyond the user's own, and the generated files have no warning.</summary>
    public static void AssertCompiles(GeneratorRun run, params string[] userErrors)
    {
        var generatedPaths = run.Result.GeneratedSources.Select(s => s.SyntaxTree.FilePath).ToHashSet();
        var problems = run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error
                ? !userErrors.Contains(d.Id) || generatedPaths.Contains(d.Location.SourceTree?.FilePath ?? string.Empty)
                : d.Severity == DiagnosticSeverity.Warning && generatedPaths.Contains(d.Location.SourceTree?.FilePath ?? string.Empty))
            .Select(d => d.ToString())
            .ToList();
        Assert.That(problems, Is.Empty, "the generated code must compile without errors or warnings");
    }

    /// <summary>A second run on an equal compilation reuses every step: each output is Cached or Unchanged.</summary>
    public static void AssertCachedOnRerun(GeneratorRun run)
    {
        var second = RunOn(run.Driver, (CSharpCompilation)run.Input.Clone());
        AssertAllStepsReused(second.Result);
        Assert.That(second.Sources, Is.EqualTo(run.Sources), "an equal compilation gives identical output");
    }

    /// <summary>Every tracked step of the run produced Cached or Unchanged outputs.</summary>
    public static void AssertAllStepsReused(GeneratorRunResult result)
    {
        var notReused = TrackedOutputs(result)
            .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(o => $"{o.Step}: {o.Reason}")
            .ToList();
        Assert.That(notReused, Is.Empty, "every step is reused when nothing relevant changed");
    }

    /// <summary>The reasons of every output of the steps the generator names (see <see cref="TrackingNames"/>).</summary>
    public static IEnumerable<(string Step, IncrementalStepRunReason Reason, object Value)> TrackedOutputs(GeneratorRunResult result)
    {
        foreach (var (name, steps) in result.TrackedSteps)
        {
            if (!IsFluxStep(name))
            {
                continue;
            }

            foreach (var step in steps)
            {
                foreach (var (value, reason) in step.Outputs)
                {
                    yield return (name, reason, value);
                }
            }
        }
    }

    /// <summary>True for the names in <see cref="TrackingNames"/>.</summary>
    public static bool IsFluxStep(string name) =>
        typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => (string?)f.GetValue(null) == name);

    /// <summary>No step output holds a symbol, a syntax node, a compilation, a semantic model or a location.</summary>
    public static void AssertNoForbiddenTypes(GeneratorRunResult result)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var (step, _, value) in TrackedOutputs(result))
        {
            Walk(value, step, visited);
        }
    }

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.That(
            value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location or SyntaxTree,
            Is.False,
            $"step output {path} holds a {value.GetType().Name}: models must be made of strings, bools, enums and EquatableArray");

        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                Walk(item, $"{path}[{i++}]", visited);
            }

            if (value is Array)
            {
                return;
            }
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), $"{path}.{field.Name}", visited);
            }
        }
    }
}
