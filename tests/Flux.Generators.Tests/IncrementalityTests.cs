using Flux.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Generators.Tests;

/// <summary>What an edit does to the pipeline: irrelevant edits reuse every step, relevant ones regenerate.</summary>
public sealed class IncrementalityTests
{
    private static readonly string Source = GeneratorSnapshotTests.GreetingsSource;

    private static GeneratorRun Edit(GeneratorRun run, string newSource)
    {
        return GeneratorHarness.RunOn(run.Driver, GeneratorHarness.WithEditedSource(run, newSource));
    }

    private static IEnumerable<IncrementalStepRunReason> StepReasons(GeneratorRun run, string step) =>
        run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Test]
    public void EditInsideAMethodBodyReusesEveryStep()
    {
        var first = GeneratorHarness.Run(Source);
        var edited = Edit(first, Source.Replace("$\"Hi, {name}\"", "$\"Hi there, {name}\"", StringComparison.Ordinal));

        GeneratorHarness.AssertAllStepsReused(edited.Result);
        Assert.That(edited.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason),
            Is.All.EqualTo(IncrementalStepRunReason.Cached), "no file is written again");
        Assert.That(edited.Sources, Is.EqualTo(first.Sources));
    }

    [Test]
    public void AddingAnUnrelatedClassReusesEveryStep()
    {
        var first = GeneratorHarness.Run(Source);
        var added = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Other; public sealed class Unrelated { public int Value => 42; }", GeneratorHarness.ParseOptions, path: "Unrelated.cs"));
        var second = GeneratorHarness.RunOn(first.Driver, added);

        GeneratorHarness.AssertAllStepsReused(second.Result);
        Assert.That(second.Sources, Is.EqualTo(first.Sources));
    }

    [Test]
    public void RenamingATaskRegeneratesItsTypeAndTheCatalog()
    {
        var first = GeneratorHarness.Run(Source);
        var renamed = Edit(first, Source.Replace("SayHi", "Wave", StringComparison.Ordinal));

        Assert.That(StepReasons(renamed, TrackingNames.Types), Does.Contain(IncrementalStepRunReason.Modified));
        Assert.That(StepReasons(renamed, TrackingNames.Catalog), Does.Contain(IncrementalStepRunReason.Modified));
        Assert.That(renamed.Sources["Demo.Greetings.g.cs"], Does.Contain("public static WaveTaskHandle WaveTask").And.Not.Contain("SayHiTask"));
        Assert.That(renamed.Sources["FluxCatalog.g.cs"], Does.Contain("\"Wave\""));
    }

    [Test]
    public void ChangingAParameterTypeRegeneratesTheHandleButNotTheCatalog()
    {
        var first = GeneratorHarness.Run(Source);
        var changed = Edit(first, Source.Replace("SayHi(string name)", "SayHi(int name)", StringComparison.Ordinal));

        Assert.That(StepReasons(changed, TrackingNames.Types), Does.Contain(IncrementalStepRunReason.Modified));
        Assert.That(changed.Sources["Demo.Greetings.g.cs"], Does.Contain("global::Flux.TaskHandle<int, string>"));
        Assert.That(StepReasons(changed, TrackingNames.Catalog), Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.All.EqualTo(IncrementalStepRunReason.Unchanged));
        Assert.That(changed.Sources["FluxCatalog.g.cs"], Is.EqualTo(first.Sources["FluxCatalog.g.cs"]));
    }

    [Test]
    public void EditingOneTypeDoesNotRewriteAnother()
    {
        const string other = """
            namespace Demo;
            public static partial class Other
            {
                [Task] public static int Twice(int x) => x * 2;
            }
            """;
        var first = GeneratorHarness.Run([Source, other]);
        var changed = Edit(first, Source.Replace("SayHi(string name)", "SayHi(int name)", StringComparison.Ordinal));

        var rewritten = changed.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .Where(o => o.Reason != IncrementalStepRunReason.Cached)
            .Count();
        Assert.That(rewritten, Is.EqualTo(1), "only Demo.Greetings.g.cs is written again");
        Assert.That(changed.Sources["Demo.Other.g.cs"], Is.EqualTo(first.Sources["Demo.Other.g.cs"]));
    }
}
