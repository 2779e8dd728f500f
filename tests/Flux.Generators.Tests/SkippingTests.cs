using Flux.Generators.Tests.Infrastructure;

namespace Flux.Generators.Tests;

/// <summary>
/// Targets the generator cannot wrap produce no handle and no error of the generator's making (Flux.Analyzers explains
/// them). <see cref="GeneratorHarness.Run(string, string[])"/> fails if the output has any error beyond the user's own.
/// </summary>
public sealed class SkippingTests
{
    private static GeneratorRun Run(string source, params string[] userErrors) => GeneratorHarness.Run(source, userErrors);

    [Test]
    public void TypeThatIsNotPartial()
    {
        var run = Run("""
            namespace Demo;
            public static class NotPartial { [Task] public static int A(int x) => x; }
            public class Outer { public static partial class Inner { [Task] public static int B(int x) => x; } }
            """);
        Assert.That(run.Sources, Is.Empty, "nothing to generate, not even a catalog");
    }

    [Test]
    public void TypeThatIsNotAClass()
    {
        var run = Run("""
            namespace Demo;
            public partial struct Values { [Task] public static int A(int x) => x; }
            public partial interface IJobs { [Task] public static int B(int x) => x; }
            public partial record struct Pair { [Task] public static int C(int x) => x; }
            """);
        Assert.That(run.Sources, Is.Empty);
    }

    [Test]
    public void UnsupportedTaskSignatures()
    {
        var run = Run("""
            namespace Demo;
            public static unsafe partial class Jobs
            {
                [Task] public static T Generic<T>(T value) => value;
                [Task] public static void ByRef(ref int x) { }
                [Task] public static void Out(out int x) => x = 0;
                [Task] public static int In(in int x) => x;
                [Task] public static int Params(params int[] values) => 0;
                [Task] public static int Pointer(int* p) => 0;
                [Task] public static int RefStruct(Span<int> span) => 0;
                [Task] public static Span<int> ReturnsRefStruct(int x) => default;
                [Task] public static int TwoTokens(CancellationToken a, CancellationToken b) => 0;
                [Task] public static ref int ByRefReturn(int[] values) => ref values[0];

                [Task] public static int Fine(int x) => x;
            }
            public static partial class More
            {
                [Task] public static async void AsyncVoid(string text) => await Task.Yield();
                [Task] public static int AlsoFine(int x) => x;
            }
            """, "CS0227");
        var text = run.AllText;
        Assert.That(text, Does.Contain("global::Demo.Jobs.FineTask").And.Contain("global::Demo.More.AlsoFineTask"));
        foreach (var skipped in new[] { "Generic", "ByRef", "Out", "In", "Params", "Pointer", "RefStruct", "ReturnsRefStruct", "AsyncVoid", "TwoTokens", "ByRefReturn" })
        {
            Assert.That(text, Does.Not.Contain(" " + skipped + "Task "), skipped);
        }
    }

    [Test]
    public void GeneratedNameCollisions()
    {
        var run = Run("""
            namespace Demo;
            public partial class Jobs
            {
                [Task] public static int Taken(int x) => x;
                public static int TakenTask => 0;

                [Task] public static int HandleTaken(int x) => x;
                public sealed class HandleTakenTaskHandle { }

                [Task] public static int Pair(int x) => x;
                [Task] public static Task<int> PairAsync(int x) => Task.FromResult(x);

                [Task] public static int Overload(int x) => x;
                [Task] public static int Overload(string x) => 0;

                [Task] public int Field(int x) => x;
                private int _fieldTask;

                [Workflow] public static int Flow(ExecutionContext<int> context) => 0;
                public static int FlowWorkflow => 0;

                [Task] public static int Fine(int x) => x;
            }

            public partial class Base { public static int InheritedTask => 0; }
            public partial class Derived : Base { [Task] public static int Inherited(int x) => x; }
            """);
        var text = run.AllText;
        Assert.That(text, Does.Contain("FineTask"));
        foreach (var skipped in new[] { "Taken", "HandleTaken", "Pair", "Overload", "Field", "Inherited" })
        {
            Assert.That(text, Does.Not.Contain(skipped + "TaskHandle " + skipped + "Task"), skipped);
        }

        Assert.That(text, Does.Not.Contain("FlowWorkflow"));
    }

    [Test]
    public void InvalidWorkflowSignatures()
    {
        var run = Run("""
            namespace Demo;
            public static partial class Flows
            {
                [Workflow] public static int NoContext(int input) => input;
                [Workflow] public static int TwoParameters(ExecutionContext<int> context, int extra) => 0;
                [Workflow] public static void ReturnsVoid(ExecutionContext<int> context) { }
                [Workflow] public static Task ReturnsTask(ExecutionContext<int> context) => Task.CompletedTask;
                [Workflow] public static ValueTask ReturnsValueTask(ExecutionContext<int> context) => default;
                [Workflow] public static T Generic<T>(ExecutionContext<T> context) => context.Input;
                [Workflow] public static int ByRef(ref ExecutionContext<int> context) => 0;

                [Workflow] public static int Fine(ExecutionContext<int> context) => context.Input;
            }
            """);
        var text = run.Sources["Demo.Flows.g.cs"];
        Assert.That(text, Does.Contain("FineWorkflow"));
        Assert.That(text.Split("Workflow => _").Length - 1, Is.EqualTo(1), "only Fine gets a handle");
    }

    [Test]
    public void DeclarativeGraphWithoutBodyIsLeftToTheGraphGenerator()
    {
        // The graph generator writes the body and the handle; this generator only lists the workflow in the catalog.
        var run = Run("""
            namespace Demo;
            public static partial class Graphs
            {
                [Workflow] public static partial Task<string> Hello(ExecutionContext<string> context);
                [Task] public static string Upper(string text) => text.ToUpperInvariant();
            }
            """);
        Assert.That(run.Sources["Demo.Graphs.g.cs"], Does.Not.Contain("HelloWorkflow"));
        Assert.That(run.Sources["Demo.Graphs.g.cs"], Does.Contain("UpperTask"));
        Assert.That(run.Sources["FluxCatalog.g.cs"], Does.Contain("global::Demo.Graphs.HelloWorkflow").And.Contain("\"Hello\""));
    }

    [Test]
    public void DuplicateRuntimeNamesStillGetTheirHandles()
    {
        // FLUX107 is the analyzer's error; leaving the handles out would add a CS0103 at every use of them.
        var run = Run("""
            namespace Demo;
            public static partial class A { [Task(Name = "dup")] public static int One(int x) => x; [Workflow(Name = "flow")] public static int F(ExecutionContext<int> c) => 0; }
            public static partial class B { [Task(Name = "dup")] public static int Two(int x) => x; [Workflow(Name = "flow")] public static int G(ExecutionContext<int> c) => 0; }
            public static partial class C { [Task] public static int Three(int x) => x; }
            public static class Uses { public static object[] All => [A.OneTask, B.TwoTask, A.FWorkflow, B.GWorkflow]; }
            """);
        Assert.That(run.AllText, Does.Contain("OneTask").And.Contain("TwoTask").And.Contain("FWorkflow").And.Contain("GWorkflow"));

        // The catalog compiles and loses nothing: both are listed, and the first in its order answers a look-up.
        var catalog = run.Sources["FluxCatalog.g.cs"];
        Assert.That(catalog.Split("global::Demo.A.OneTask,").Length - 1, Is.EqualTo(2), "in Tasks and in TryGetTask");
        Assert.That(catalog.Split("global::Demo.B.TwoTask,").Length - 1, Is.EqualTo(1), "in Tasks only");
        Assert.That(catalog.Split("\"dup\",").Length - 1, Is.EqualTo(2), "the name once per task in TaskNames");
        Assert.That(catalog, Does.Contain("\"dup\" => global::Demo.A.OneTask,").And.Not.Contain("\"dup\" => global::Demo.B.TwoTask,"));
        Assert.That(catalog, Does.Contain("\"flow\" => global::Demo.A.FWorkflow,").And.Not.Contain("\"flow\" => global::Demo.B.GWorkflow,"));
    }

    [Test]
    public void AMemberNamedLikeAGeneratedOneLeavesOutOnlyWhatCollides()
    {
        // FLUX103 reports each; the generator writes everything else, and nothing that does not compile.
        var run = Run("""
            namespace Demo;

            public static partial class Collisions
            {
                [Task] public static string Echo(string input) => input;

                [Workflow]
                public static async Task<string> Fluent(ExecutionContext<string> ctx) =>
                    await new Graph("g").AddNode("a", EchoTask).StartWith("a").EndWith("a").RunAsync<string, string>(ctx.Input);

                public static string FluentDiagram => "mine";

                [Workflow]
                [Node("a", nameof(Echo))]
                [StartWith("a")]
                [EndWith("a")]
                public static partial Task<string> Declared(ExecutionContext<string> ctx);

                public const string DeclaredDiagram = "mine too";

                [Workflow]
                [Node("a", nameof(Echo))]
                [StartWith("a")]
                [EndWith("a")]
                public static partial Task<string> Handled(ExecutionContext<string> ctx);

                private static readonly object _handledWorkflow = new();

                [Workflow]
                public static int Plain(ExecutionContext<int> ctx) => ctx.Input;

                private static int _plainWorkflow;
            }
            """);

        var types = run.Sources["Demo.Collisions.g.cs"];
        Assert.That(types, Does.Contain("FluentWorkflow => _fluentWorkflow").And.Not.Contain("FluentDiagram ="), "the handle, without the diagram");
        Assert.That(types, Does.Not.Contain("PlainWorkflow"), "its field's name is taken");
        var graphs = run.Driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var declared = graphs["Demo.Collisions.Declared.g.cs"];
        Assert.That(declared, Does.Contain("async partial global::System.Threading.Tasks.Task<string> Declared(").And.Contain("DeclaredWorkflow =>").And.Not.Contain("DeclaredDiagram ="));
        var handled = graphs["Demo.Collisions.Handled.g.cs"];
        Assert.That(handled, Does.Contain("async partial global::System.Threading.Tasks.Task<string> Handled(").And.Not.Contain("HandledWorkflow"));

        // The catalog lists only the handles that exist.
        Assert.That(run.Sources["FluxCatalog.g.cs"], Does.Contain("global::Demo.Collisions.DeclaredWorkflow,").And.Not.Contain("HandledWorkflow").And.Not.Contain("PlainWorkflow"));
    }

    [Test]
    public void FileLocalTypesAreSkipped()
    {
        var run = Run("""
            namespace Demo;
            file static partial class Hidden { [Task] public static int A(int x) => x; }
            """);
        Assert.That(run.Sources, Is.Empty);
    }

    [Test]
    public void SignaturesWithUnknownTypesAreSkipped()
    {
        var run = Run("""
            namespace Demo;
            public static partial class Broken
            {
                [Task] public static Missing Unknown(int x) => default!;
                [Task] public static int UnknownParameter(List<Missing> x) => 0;
                [Workflow] public static int Flow(ExecutionContext<Missing> context) => 0;
                [Task] public static int Fine(int x) => x;
            }
            """, "CS0246");
        Assert.That(run.AllText, Does.Contain("FineTask").And.Not.Contain("UnknownTask").And.Not.Contain("UnknownParameterTask").And.Not.Contain("FlowWorkflow"));
    }
}
