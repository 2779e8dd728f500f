using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Flux.Generators.DeclarativeGraphs;
using Flux.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Generators.Tests.Graphs;

/// <summary>
/// Runs the declarative graph generator beside the core generator (the graph's body calls the task handles the core
/// generator writes), with the checks every generator test makes: no exception or diagnostic, an output that compiles
/// without errors or warnings, a second run fully cached, and no symbol or syntax node in a step's output.
/// </summary>
internal static class DeclarativeGraphHarness
{
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new FluxGenerator().AsSourceGenerator(), new DeclarativeGraphGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs both generators; <see cref="GeneratorRun.Result"/> is the declarative graph generator's.</summary>
    public static GeneratorRun Run(string source, params string[] userErrors)
    {
        var run = RunOn(CreateDriver(), GeneratorHarness.CreateCompilation(source));
        AssertCompiles(run, userErrors);
        var second = RunOn(run.Driver, (CSharpCompilation)run.Input.Clone());
        AssertAllStepsReused(second.Result);
        Assert.That(second.Sources, Is.EqualTo(run.Sources), "an equal compilation gives identical output");
        GeneratorHarness.AssertNoForbiddenTypes(run.Result);
        AssertNoForbiddenStepOutputs(run.Result);
        return run;
    }

    public static GeneratorRun RunOn(GeneratorDriver driver, CSharpCompilation input)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        var results = driver.GetRunResult().Results;
        foreach (var result in results)
        {
            Assert.That(result.Exception, Is.Null, "a generator threw");
            Assert.That(result.Diagnostics, Is.Empty, "the generators report nothing: Flux.Analyzers does");
        }

        return new GeneratorRun(driver, input, output, results.Single(r => r.Generator.GetGeneratorType() == typeof(DeclarativeGraphGenerator)));
    }

    /// <summary>The output (both generators' files) has no error beyond the user's own, and the generated files no warning.</summary>
    public static void AssertCompiles(GeneratorRun run, params string[] userErrors)
    {
        var generated = run.Output.SyntaxTrees.Except(run.Input.SyntaxTrees).Select(t => t.FilePath).ToHashSet();
        var problems = run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error
                ? !userErrors.Contains(d.Id) || generated.Contains(d.Location.SourceTree?.FilePath ?? string.Empty)
                : d.Severity == DiagnosticSeverity.Warning && generated.Contains(d.Location.SourceTree?.FilePath ?? string.Empty))
            .Select(d => d.ToString())
            .ToList();
        Assert.That(problems, Is.Empty, "the generated code must compile without errors or warnings");
    }

    /// <summary>The reasons of every output of the declarative graph generator's named steps.</summary>
    public static IEnumerable<(string Step, IncrementalStepRunReason Reason, object Value)> TrackedOutputs(GeneratorRunResult result)
    {
        foreach (var (name, steps) in result.TrackedSteps)
        {
            if (name is not (DeclarativeGraphTrackingNames.DeclarativeGraphs or DeclarativeGraphTrackingNames.ValidDeclarativeGraphs))
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

    public static void AssertAllStepsReused(GeneratorRunResult result)
    {
        var outputs = TrackedOutputs(result).ToList();
        Assert.That(outputs, Is.Not.Empty, "the declarative graph steps ran");
        Assert.That(
            outputs.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).Select(o => $"{o.Step}: {o.Reason}"),
            Is.Empty,
            "every step is reused when nothing relevant changed");
    }

    private static void AssertNoForbiddenStepOutputs(GeneratorRunResult result)
    {
        foreach (var (step, _, value) in TrackedOutputs(result))
        {
            Assert.That(value, Is.Not.InstanceOf<ISymbol>().And.Not.InstanceOf<SyntaxNode>(), step);
        }
    }

    /// <summary>
    /// Matches the snapshots in <c>Snapshots/{TestClass}/{TestMethod}/</c> at the test project's root (where the
    /// project excludes them from compilation), not beside this folder.
    /// </summary>
    public static void MatchSnapshot(GeneratorRun run, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "") =>
        Snapshot.Match(run, Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(testFile))!, Path.GetFileName(testFile)), testMethod);
}
