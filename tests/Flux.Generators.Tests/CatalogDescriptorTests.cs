using Flux.Generators.Tests.Behaviour;
using Flux.Generators.Tests.Infrastructure;

namespace Flux.Generators.Tests;

/// <summary>
/// <c>FluxCatalog.Descriptors</c>: one <see cref="WorkflowDescriptor"/> per workflow the catalog can reach, static and
/// instance, with its diagram and the assembly's JSON options, which hosts, the CLI and the HTTP API run workflows by.
/// </summary>
public sealed class CatalogDescriptorTests
{
    [Test]
    public void StaticInstanceFluentAndDeclarativeWorkflowsWithAJsonContext() => Snapshot.Match(GeneratorHarness.Run("""
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;

        [assembly: FluxJsonContext(typeof(Demo.AppJson))]

        namespace Demo;

        /// <summary>Stands for the context System.Text.Json's generator writes (which does not run in this harness).</summary>
        public sealed class AppJson() : JsonSerializerContext(null)
        {
            public static AppJson Default { get; } = new();
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        public static partial class Greetings
        {
            [Task] public static string SayHi(string name) => "Hi, " + name;

            [Workflow] public static async Task<string> Greet(ExecutionContext<string> ctx) => await SayHiTask.Call(ctx.Input);
        }

        public sealed partial class Counter(int start)
        {
            [Task] public int Add(int amount) => start + amount;

            [Workflow] public async Task<int> Total(ExecutionContext<int> context) => await AddTask.Call(context.Input);

            [Workflow]
            public async Task<int> Twice(ExecutionContext<int> context) => await new Graph("twice")
                .AddNode("first", AddTask)
                .AddNode("second", AddTask)
                .AddEdge("first", "second")
                .StartWith("first")
                .EndWith("second")
                .RunAsync<int, int>(context.Input);

            [Workflow]
            [Node("add", nameof(Add))]
            [StartWith("add")]
            [EndWith("add")]
            public partial ValueTask<int> Once(ExecutionContext<int> context);

            private sealed record Secret(int Value);

            [Workflow] private Task<int> Hidden(ExecutionContext<Secret> context) => Task.FromResult(context.Input.Value);
        }
        """));

    [Test]
    public void WithoutAJsonContextTheDescriptorsCarryNoOptions()
    {
        var catalog = GeneratorHarness.Run("""
            namespace Demo;

            public sealed partial class Counter(int start)
            {
                [Task] public int Add(int amount) => start + amount;

                [Workflow] public async Task<int> Total(ExecutionContext<int> context) => await AddTask.Call(context.Input);
            }
            """).Sources["FluxCatalog.g.cs"];

        Assert.That(catalog, Does.Contain("static instance => ((global::Demo.Counter)instance!).TotalWorkflow,"));
        Assert.That(catalog, Does.Not.Contain("Json"));
    }

    [Test]
    public async Task TheDescriptorsOfThisAssemblyRunItsWorkflows()
    {
        Assert.That(FluxCatalog.Descriptors.Select(d => d.Name), Is.EqualTo(FluxCatalog.WorkflowNames), "every workflow of this project is reachable");

        var parallel = FluxCatalog.Descriptors.Single(d => d.Name == "Parallel");
        Assert.That(parallel.IsInstanceWorkflow, Is.False);
        Assert.That(parallel.Bind(), Is.SameAs(Greetings.ParallelWorkflow));
        Assert.That((parallel.InputType, parallel.OutputType), Is.EqualTo((typeof(string), typeof(string[]))));
        Assert.That(parallel.Diagram, Is.Null);
        Assert.That(parallel.Json, Is.Null, "this project registers no JSON context");

        var run = FluxCatalog.Descriptors.Single(d => d.Name == "Run");
        Assert.That(run.Diagram, Is.EqualTo(SharedGraphs.RunDiagram));

        var total = FluxCatalog.Descriptors.Single(d => d.Name == "Total");
        Assert.That(total.DeclaringType, Is.EqualTo(typeof(Counter)));
        Assert.That((total.InputType, total.OutputType), Is.EqualTo((typeof(int), typeof(int))));
        var counter = new Counter(10);
        Assert.That(total.Bind(counter), Is.SameAs(counter.TotalWorkflow));
        var context = await ((WorkflowHandle<int, int>)total.Bind(counter)).RunAsync(7);
        Assert.That(context.Output, Is.EqualTo(17));

        var error = Assert.Throws<ArgumentException>(() => total.Bind(null));
        Assert.That(error!.Message, Does.Contain("Workflow 'Total' runs on an instance of Counter"));
    }
}
