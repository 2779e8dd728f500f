using Flux.Samples;
using static Flux.Samples.DeclarativeConditionalGraphSample;
using static Flux.Samples.EnumRoutingSample;

namespace Flux.Samples.Tests;

/// <summary>
/// The declarative samples run like their fluent twins, and each one's build-time diagram equals the diagram the
/// runtime draws for the same graph built with <see cref="Graph"/>: the diagram is the code.
/// </summary>
public class DeclarativeSampleTests
{
    private static GraphDefinition HelloGraph() =>
        new Graph("hello_world")
            .AddNode("get_name", GraphSample.GetNameTask)
            .AddNode("say_hello", ParallelSample.SayHelloTask)
            .AddEdge("get_name", "say_hello")
            .StartWith("get_name")
            .EndWith("say_hello")
            .Build();

    private static GraphDefinition ConditionalGraph() =>
        new Graph("conditional_flow")
            .AddNode("validate", ConditionalGraphSample.ValidateDataTask)
            .AddNode("process", ConditionalGraphSample.ProcessDataTask)
            .AddNode("error", ConditionalGraphSample.HandleErrorTask)
            .AddEdge<ValidationResult>("validate", "process", IsValid)
            .AddEdge<ValidationResult>("validate", "error", IsInvalid)
            .StartWith("validate")
            .EndWith("process")
            .EndWith("error")
            .Build();

    private static GraphDefinition EnumRoutingGraph() =>
        new Graph("enum_routing")
            .AddNode("validate", ConditionalGraphSample.ValidateDataTask)
            .AddNode("process", ConditionalGraphSample.ProcessDataTask)
            .AddNode("bulk", ProcessBulkOrderTask)
            .AddNode("error", ConditionalGraphSample.HandleErrorTask)
            .AddEdge("validate", "process", (ValidationResult r) => Classify(r) == OrderRoute.Standard, "Classify is Standard")
            .AddEdge("validate", "bulk", (ValidationResult r) => Classify(r) == OrderRoute.Bulk, "Classify is Bulk")
            .AddEdge("validate", "error", (ValidationResult r) => Classify(r) == OrderRoute.Invalid, "Classify is Invalid")
            .StartWith("validate")
            .EndWith("process")
            .EndWith("bulk")
            .EndWith("error")
            .Build();

    [Test]
    public void Each_diagram_equals_the_runtime_graph_built_the_same_way()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DeclarativeGraphSample.HelloWorkflow.Diagram, Is.EqualTo(HelloGraph().ToMermaid()));
            Assert.That(DeclarativeGraphSample.HelloDiagram, Is.EqualTo(HelloGraph().ToMermaid()));
            Assert.That(ConditionalWorkflow.Diagram, Is.EqualTo(ConditionalGraph().ToMermaid()));
            Assert.That(RouteWorkflow.Diagram, Is.EqualTo(EnumRoutingGraph().ToMermaid()));
        });
    }

    [Test]
    public async Task The_basic_graph_greets()
    {
        Assert.That(await DeclarativeGraphSample.HelloWorkflow.RunOrThrowAsync("Joe"), Is.EqualTo("Hello, Joe"));
    }

    [TestCase("3", "Processed order of 3 item(s)")]
    [TestCase("abc", "Rejected 'abc': expected a positive whole number")]
    public async Task The_conditional_graph_gives_what_its_fluent_twin_gives(string input, string expected)
    {
        Assert.That(await ConditionalWorkflow.RunOrThrowAsync(input), Is.EqualTo(expected));
        Assert.That(await ConditionalGraphSample.ConditionalWorkflow.RunOrThrowAsync(input), Is.EqualTo(expected));
    }

    [TestCase("5", "Processed order of 5 item(s)")]
    [TestCase("500", "Sent 500 item(s) to the bulk desk")]
    [TestCase("-1", "Rejected '-1': expected a positive whole number")]
    public async Task The_enum_router_takes_one_edge_per_case(string input, string expected)
    {
        Assert.That(await RouteWorkflow.RunOrThrowAsync(input), Is.EqualTo(expected));
        Assert.That(await EnumRoutingGraph().RunAsync<string, string>(input), Is.EqualTo(expected), "the runtime graph agrees");
    }

    [Test]
    public async Task A_declarative_run_records_each_node_as_a_task_event()
    {
        var run = await RouteWorkflow.RunAsync("500");

        Assert.That(run.HasSucceeded, Is.True);
        var started = run.Events.Where(e => e.Type == ExecutionEventType.TaskStarted).Select(e => e.Name).ToList();
        Assert.That(started, Is.EqualTo(new[] { "ValidateData", "ProcessBulkOrder" }));
    }

    [Test]
    public async Task The_samples_run_from_their_entry_points()
    {
        var output = new StringWriter();
        await DeclarativeGraphSample.RunAsync(["Ann"], output);
        await DeclarativeConditionalGraphSample.RunAsync(["2"], output);
        await EnumRoutingSample.RunAsync(["200"], output);

        Assert.That(output.ToString().ReplaceLineEndings("\n"), Is.EqualTo("Hello, Ann\nProcessed order of 2 item(s)\nSent 200 item(s) to the bulk desk\n"));
    }
}

/// <summary>A fluent graph known at compile time gets its build-time diagram too, equal to the one its definition draws.</summary>
public class FluentDiagramTests
{
    [Test]
    public void The_fluent_samples_have_their_graphs_diagram()
    {
        var hello = new Graph("hello_world")
            .AddNode("get_name", GraphSample.GetNameTask)
            .AddNode("say_hello", ParallelSample.SayHelloTask)
            .AddEdge("get_name", "say_hello")
            .StartWith("get_name")
            .EndWith("say_hello");
        var conditional = new Graph("conditional_flow")
            .AddNode("validate", ConditionalGraphSample.ValidateDataTask)
            .AddNode("process", ConditionalGraphSample.ProcessDataTask)
            .AddNode("error", ConditionalGraphSample.HandleErrorTask)
            .AddEdge("validate", "process", when: (ValidationResult r) => r.Valid)
            .AddEdge("validate", "error", when: (ValidationResult r) => !r.Valid)
            .StartWith("validate")
            .EndWith("process")
            .EndWith("error");

        Assert.Multiple(() =>
        {
            Assert.That(GraphSample.HelloWorkflow.Diagram, Is.EqualTo(hello.ToMermaid()));
            Assert.That(ConditionalGraphSample.ConditionalWorkflow.Diagram, Is.EqualTo(conditional.ToMermaid()));
            Assert.That(ParallelSample.GreetWorkflow.Diagram, Is.Null, "a workflow without a graph has no diagram");
        });
    }
}
