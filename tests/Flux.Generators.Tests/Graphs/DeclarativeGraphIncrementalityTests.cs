using Flux.Generators.DeclarativeGraphs;
using Flux.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Generators.Tests.Graphs;

/// <summary>What an edit does to the declarative graph pipeline: body edits elsewhere reuse it, graph edits regenerate it.</summary>
public sealed class DeclarativeGraphIncrementalityTests
{
    private static readonly string Source = DeclarativeGraphSnapshotTests.ConditionalSource;

    private static GeneratorRun Edit(GeneratorRun run, string newSource)
    {
        return DeclarativeGraphHarness.RunOn(run.Driver, GeneratorHarness.WithEditedSource(run, newSource));
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRun run, string step) =>
        run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Test]
    public void EditingATaskBodyReusesTheGraph()
    {
        var first = DeclarativeGraphHarness.Run(Source);
        var edited = Edit(first, Source.Replace("\"processed \"", "\"done: \"", StringComparison.Ordinal));

        DeclarativeGraphHarness.AssertAllStepsReused(edited.Result);
        Assert.That(edited.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason),
            Is.All.EqualTo(IncrementalStepRunReason.Cached), "no file is written again");
        Assert.That(edited.Sources, Is.EqualTo(first.Sources));
    }

    [Test]
    public void AddingAnUnrelatedClassReusesTheGraph()
    {
        var first = DeclarativeGraphHarness.Run(Source);
        var added = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Other; public sealed class Unrelated { public int Value => 42; }", GeneratorHarness.ParseOptions, path: "Unrelated.cs"));
        var second = DeclarativeGraphHarness.RunOn(first.Driver, added);

        DeclarativeGraphHarness.AssertAllStepsReused(second.Result);
    }

    [Test]
    public void EditingAnEdgeRegeneratesTheBodyAndTheDiagram()
    {
        var first = DeclarativeGraphHarness.Run(Source);
        var edited = Edit(first, Source.Replace("[Edge(\"validate\", \"error\", When = nameof(IsInvalid))]", "[Edge(\"validate\", \"error\", When = nameof(IsValid))]", StringComparison.Ordinal));

        Assert.That(Reasons(edited, DeclarativeGraphTrackingNames.DeclarativeGraphs), Does.Contain(IncrementalStepRunReason.Modified));
        var text = edited.Sources.Values.Single();
        Assert.That(text, Does.Contain("var errorRuns = IsValid(validate);"));
        Assert.That(text, Does.Contain("\"    n0 -->|\\\"IsValid\\\"| n2\\n\""));
    }

    [Test]
    public void TheGeneratedBodyNeedsNoDictionaryNorReflection()
    {
        var text = DeclarativeGraphHarness.Run(DeclarativeGraphSnapshotTests.EnumRoutingSource).AllText;

        Assert.That(text, Does.Not.Contain("Dictionary").And.Not.Contain("typeof(").And.Not.Contain("GetType").And.Not.Contain("global::Flux.Graph("));
    }
}
