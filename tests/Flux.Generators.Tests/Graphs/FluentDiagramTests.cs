using Flux.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Generators.Tests.Graphs;

/// <summary>An ordinary workflow whose body builds a fluent graph known at compile time gets its <c>{W}Diagram</c>.</summary>
public sealed class FluentDiagramTests
{
    internal const string Source = """
        namespace Demo;

        public sealed record Check(bool Valid, string Input);

        public static partial class Fluent
        {
            [Task] public static Check Validate(string input) => new(input.Length > 0, input);

            [Task] public static string Process(Check check) => "processed " + check.Input;

            [Task] public static string Reject(Check check) => "rejected";

            [Workflow]
            public static async Task<string> Conditional(ExecutionContext<string> ctx) =>
                await new Graph("conditional_flow")
                    .AddNode("validate", ValidateTask)
                    .AddNode("process", ProcessTask)
                    .AddNode("error", RejectTask)
                    .AddEdge("validate", "process", when: (Check c) => c.Valid)
                    .AddEdge("validate", "error", when: (Check c) => !c.Valid)
                    .StartWith("validate")
                    .EndWith("process")
                    .EndWith("error")
                    .RunAsync<string, string>(ctx.Input);

            [Workflow]
            public static async Task<string> Computed(ExecutionContext<string> ctx)
            {
                var name = ctx.Input + "_node";
                return await new Graph("computed").AddNode(name, ValidateTask).StartWith(name).EndWith(name).RunAsync<string, string>(ctx.Input);
            }
        }
        """;

    [Test]
    public void AFluentGraphKnownAtCompileTimeGetsItsDiagram()
    {
        var run = GeneratorHarness.Run(Source);
        var text = run.Sources["Demo.Fluent.g.cs"];

        Assert.That(text, Does.Contain("diagram: ConditionalDiagram);"));
        Assert.That(text, Does.Contain("public const string ConditionalDiagram ="));
        Assert.That(text, Does.Contain("\"    n0 -->|\\\"(Check c) =#gt; c.Valid\\\"| n1\\n\" +"));
        Assert.That(text, Does.Not.Contain("ComputedDiagram"), "names computed at run time: no diagram");
        DeclarativeGraphHarness.MatchSnapshot(run);
    }

    [Test]
    public void EditingTheWorkflowBodyWithoutChangingTheGraphLeavesTheFileUnchanged()
    {
        var first = GeneratorHarness.Run(Source);
        var tree = first.Input.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");
        var edited = first.Input.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            Source.Replace(".RunAsync<string, string>(ctx.Input);\n\n", ".RunAsync<string, string>(ctx.Input); // the graph\n\n", StringComparison.Ordinal),
            GeneratorHarness.ParseOptions,
            path: "Source0.cs"));
        var second = GeneratorHarness.RunOn(first.Driver, edited);

        GeneratorHarness.AssertAllStepsReused(second.Result);
        Assert.That(second.Sources, Is.EqualTo(first.Sources));
    }

    [Test]
    public void ChangingTheGraphChangesTheDiagram()
    {
        var first = GeneratorHarness.Run(Source);
        var tree = first.Input.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");
        var edited = first.Input.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            Source.Replace("(Check c) => !c.Valid", "(Check c) => c.Input.Length == 0", StringComparison.Ordinal),
            GeneratorHarness.ParseOptions,
            path: "Source0.cs"));
        var second = GeneratorHarness.RunOn(first.Driver, edited);

        Assert.That(second.Result.TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs).Select(o => o.Reason), Does.Contain(IncrementalStepRunReason.Modified));
        Assert.That(second.Sources["Demo.Fluent.g.cs"], Does.Contain("c.Input.Length == 0"));
    }
}
