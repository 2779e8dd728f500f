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
        var edited = GeneratorHarness.WithEditedSource(first, Source.Replace(".RunAsync<string, string>(ctx.Input);\n\n", ".RunAsync<string, string>(ctx.Input); // the graph\n\n", StringComparison.Ordinal));
        var second = GeneratorHarness.RunOn(first.Driver, edited);

        GeneratorHarness.AssertAllStepsReused(second.Result);
        Assert.That(second.Sources, Is.EqualTo(first.Sources));
    }

    [Test]
    public void ChangingTheGraphChangesTheDiagram()
    {
        var first = GeneratorHarness.Run(Source);
        var edited = GeneratorHarness.WithEditedSource(first, Source.Replace("(Check c) => !c.Valid", "(Check c) => c.Input.Length == 0", StringComparison.Ordinal));
        var second = GeneratorHarness.RunOn(first.Driver, edited);

        Assert.That(second.Result.TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs).Select(o => o.Reason), Does.Contain(IncrementalStepRunReason.Modified));
        Assert.That(second.Sources["Demo.Fluent.g.cs"], Does.Contain("c.Input.Length == 0"));
    }

    /// <summary>The ways a user may spell the graph type and its node names, read without binding the workflow body.</summary>
    [TestCase("new Graph(\"g\")", "\"a\"")]
    [TestCase("new Flux.Graph(\"g\")", "\"a\"")]
    [TestCase("new global::Flux.Graph(\"g\")", "\"a\"")]
    [TestCase("new FluxGraph(\"g\")", "\"a\"")]
    [TestCase("new Graph(Names.Graph)", "Names.Node")]
    [TestCase("new Graph(nameof(Spellings))", "nameof(Names.Node)")]
    [TestCase("new Graph(\"g\")", "LocalNode")]
    public void EverySpellingOfAConstantGraphGetsADiagram(string creation, string node)
    {
        var run = GeneratorHarness.Run($$"""
            using FluxGraph = Flux.Graph;
            namespace Demo;

            public static class Names
            {
                public const string Graph = "g";
                public const string Node = "Node";
            }

            public static partial class Spellings
            {
                [Task] public static string Echo(string input) => input;

                [Workflow]
                public static async Task<string> Flow(ExecutionContext<string> ctx)
                {
                    const string LocalNode = "local";
                    return await {{creation}}.AddNode({{node}}, EchoTask).StartWith({{node}}).EndWith({{node}}).RunAsync<string, string>(ctx.Input);
                }
            }
            """);

        var text = run.Sources["Demo.Spellings.g.cs"];
        Assert.That(text, Does.Contain("diagram: FlowDiagram);"));
        Assert.That(text, Does.Contain("public const string FlowDiagram ="));
    }

    [Test]
    public void ANameReadFromAPropertyIsNotConstantAndGetsNoDiagram()
    {
        var run = GeneratorHarness.Run("""
            namespace Demo;

            public static class Names { public static string Node => "n"; }

            public static partial class NotConstant
            {
                [Task] public static string Echo(string input) => input;

                [Workflow]
                public static async Task<string> Flow(ExecutionContext<string> ctx) =>
                    await new Graph("g").AddNode(Names.Node, EchoTask).StartWith(Names.Node).EndWith(Names.Node).RunAsync<string, string>(ctx.Input);
            }
            """);

        Assert.That(run.Sources["Demo.NotConstant.g.cs"], Does.Not.Contain("FlowDiagram"));
    }
}
