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

    [Test]
    public void AGraphBuiltStatementByStatementGetsItsDiagram()
    {
        var run = GeneratorHarness.Run("""
            namespace Demo;

            public static partial class Statements
            {
                [Task] public static string Echo(string input) => input;

                [Workflow]
                public static async Task<string> Flow(ExecutionContext<string> ctx)
                {
                    var graph = new Graph("statements");
                    graph.AddNode("a", EchoTask);
                    graph.AddNode("b", EchoTask).AddEdge("a", "b");
                    graph.StartWith("a").EndWith("b");
                    return await graph.RunAsync<string, string>(ctx.Input);
                }

                [Workflow]
                public static async Task<string> Unfinished(ExecutionContext<string> ctx)
                {
                    var graph = new Graph("unfinished").AddNode("a", EchoTask);
                    Finish(graph);
                    return await graph.RunAsync<string, string>(ctx.Input);
                }

                private static void Finish(Graph graph) => graph.StartWith("a").EndWith("a");
            }
            """);

        var text = run.Sources["Demo.Statements.g.cs"];
        Assert.That(text, Does.Contain("diagram: FlowDiagram);").And.Contain("\"    n0 --> n1\\n\" +"));
        Assert.That(text, Does.Not.Contain("UnfinishedDiagram"), "a graph let go before it is run may be changed by what it was handed to");
    }

    [Test]
    public void AGraphMadeByAHelperGetsItsDiagram()
    {
        var run = GeneratorHarness.Run("""
            namespace Demo;

            public static partial class Helpers
            {
                private const string First = "a";

                public static readonly Graph Shared = Build();

                public static Graph Stored { get; } = new Graph("stored").AddNode(First, EchoTask).StartWith(First).EndWith(First);

                [Task] public static string Echo(string input) => input;

                public static Graph Build() => new Graph("helper")
                    .AddNode(First, EchoTask)
                    .AddNode("b", EchoTask)
                    .AddEdge(First, "b")
                    .StartWith(First);

                public static Graph Unfinished()
                {
                    var graph = new Graph("unfinished");
                    graph.AddNode("x", EchoTask);
                    return graph;
                }

                [Workflow]
                public static async Task<string> ByMethod(ExecutionContext<string> ctx) => await Build().EndWith("b").RunAsync<string, string>(ctx.Input);

                [Workflow]
                public static async Task<string> ByField(ExecutionContext<string> ctx) => await Shared.EndWith("b").RunAsync<string, string>(ctx.Input);

                [Workflow]
                public static async Task<string> ByProperty(ExecutionContext<string> ctx) => await Stored.RunAsync<string, string>(ctx.Input);

                [Workflow]
                public static async Task<string> ByLocalHelper(ExecutionContext<string> ctx) =>
                    await Unfinished().StartWith("x").EndWith("x").RunAsync<string, string>(ctx.Input);

                [Workflow]
                public static async Task<string> Incomplete(ExecutionContext<string> ctx) => await Build().RunAsync<string, string>(ctx.Input);
            }
            """);

        var text = run.Sources["Demo.Helpers.g.cs"];
        Assert.That(text, Does.Contain("diagram: ByMethodDiagram);"));
        Assert.That(text, Does.Contain("diagram: ByFieldDiagram);"));
        Assert.That(text, Does.Contain("diagram: ByPropertyDiagram);"));
        Assert.That(text, Does.Contain("diagram: ByLocalHelperDiagram);"));
        Assert.That(text, Does.Not.Contain("IncompleteDiagram"), "the graph it runs has no end node: no diagram to show");
        Assert.That(text, Does.Contain("\"    n1 --> graph_end\\n\";"), "the body's EndWith is part of the diagram");
    }

    [Test]
    public void AGraphHandedToAnotherMethodGetsNoDiagram()
    {
        var run = GeneratorHarness.Run("""
            namespace Demo;

            public static partial class Handed
            {
                [Task] public static string Echo(string input) => input;

                [Workflow]
                public static async Task<string> Flow(ExecutionContext<string> ctx) =>
                    await RunIt(new Graph("g").AddNode("a", EchoTask).StartWith("a").EndWith("a"), ctx.Input);

                private static Task<string> RunIt(Graph graph, string input) => graph.RunAsync<string, string>(input);
            }
            """);

        Assert.That(run.Sources["Demo.Handed.g.cs"], Does.Not.Contain("FlowDiagram"));
    }
}
