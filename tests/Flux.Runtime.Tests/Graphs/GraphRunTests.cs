using NUnit.Framework;
using static Flux.Runtime.Tests.Graphs.GraphTestTasks;

namespace Flux.Runtime.Tests.Graphs;

/// <summary>A validation outcome; hand-written test handles write its fingerprint themselves (the generator would for a real task).</summary>
public sealed record ValidationResult(bool Valid, string Data) : IStableHashable
{
    /// <inheritdoc/>
    public void WriteFingerprint(ref FingerprintWriter writer)
    {
        writer.Write(Valid);
        writer.Write(Data);
    }
}

public sealed class GraphRunTests
{
    // A guard against a hang when a test fails; never part of what a test asserts.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Seed_basic_graph_says_hello()
    {
        var getName = Of<string, string>("get_name", input => input);
        var sayHello = Of<string, string>("say_hello", name => $"Hello, {name}");

        string hello = await new Graph("hello_world")
            .AddNode("get_name", getName)
            .AddNode("say_hello", sayHello)
            .AddEdge("get_name", "say_hello")
            .StartWith("get_name")
            .EndWith("say_hello")
            .RunAsync<string, string>("Joe");

        Assert.That(hello, Is.EqualTo("Hello, Joe"));
    }

    private static (Graph Graph, GraphTestTask<ValidationResult, string> Process, GraphTestTask<ValidationResult, string> Error) Conditional(bool asyncConditions)
    {
        var validate = Of<string, ValidationResult>("validate", data => new ValidationResult(data.Length > 0, data));
        var process = Of<ValidationResult, string>("process", r => "processed " + r.Data);
        var error = Of<ValidationResult, string>("error", r => "invalid input");
        var graph = new Graph("conditional_flow")
            .AddNode("validate", validate)
            .AddNode("process", process)
            .AddNode("error", error);
        if (asyncConditions)
        {
            graph
                .AddEdge("validate", "process", when: async (ValidationResult r) => { await Task.Yield(); return r.Valid; })
                .AddEdge("validate", "error", when: async (ValidationResult r) => { await Task.Yield(); return !r.Valid; });
        }
        else
        {
            graph
                .AddEdge("validate", "process", when: (ValidationResult r) => r.Valid)
                .AddEdge("validate", "error", when: (ValidationResult r) => !r.Valid);
        }

        graph.StartWith("validate").EndWith("process").EndWith("error");
        return (graph, process, error);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Conditional_graph_takes_the_branch_whose_condition_holds(bool asyncConditions)
    {
        var definition = Conditional(asyncConditions).Graph.Build();

        Assert.That(await definition.RunAsync<string, string>("abc"), Is.EqualTo("processed abc"));
        Assert.That(await definition.RunAsync<string, string>(""), Is.EqualTo("invalid input"));
    }

    [Test]
    public async Task A_false_edge_skips_the_node_and_what_only_it_leads_to()
    {
        var a = Step("a");
        var b = Step("b");
        var c = Step("c");
        var d = Step("d");
        var result = await new Graph("skip")
            .AddNode("a", a).AddNode("b", b).AddNode("c", c).AddNode("d", d)
            .AddEdge("a", "b", when: (string s) => false)
            .AddEdge("b", "c")
            .AddEdge("a", "d")
            .StartWith("a").EndWith("c").EndWith("d")
            .RunAsync<string, string>("x");

        Assert.That(result, Is.EqualTo("x>a>d"));
        Assert.That((a.Runs, b.Runs, c.Runs, d.Runs), Is.EqualTo((1, 0, 0, 1)));
    }

    [Test]
    public async Task A_join_is_skipped_when_one_of_its_edges_is_false()
    {
        var b = Step("b");
        var c = Step("c");
        var join = Of<string, string, string>("join", (x, y) => x + y);
        var other = Step("other");
        var result = await new Graph("and_join")
            .AddNode("a", Step("a")).AddNode("b", b).AddNode("c", c).AddNode("join", join).AddNode("other", other)
            .AddEdge("a", "b").AddEdge("a", "c")
            .AddEdge("b", "join").AddEdge("c", "join", when: (string s) => false)
            .AddEdge("c", "other")
            .StartWith("a").EndWith("join").EndWith("other")
            .RunAsync<string, string>("x");

        Assert.That(result, Is.EqualTo("x>a>c>other"));
        Assert.That(join.Runs, Is.Zero);
    }

    [Test]
    public async Task A_join_receives_its_upstream_outputs_in_edge_insertion_order()
    {
        var join = Of<string, string, string>("join", (first, second) => first + "|" + second);
        var graph = new Graph("diamond")
            .AddNode("a", Step("a")).AddNode("b", Step("b")).AddNode("c", Step("c")).AddNode("d", join)
            .AddEdge("a", "b").AddEdge("a", "c")
            .AddEdge("c", "d") // added first: c's output is the first argument
            .AddEdge("b", "d")
            .StartWith("a").EndWith("d");

        Assert.That(await graph.RunAsync<string, string>("x"), Is.EqualTo("x>a>c|x>a>b"));
    }

    [Test]
    public async Task A_start_node_with_incoming_edges_gets_the_graph_input_first()
    {
        var merge = Of<string, string, string>("merge", (input, upstream) => input + "+" + upstream);
        var result = await new Graph("start_join")
            .AddNode("a", Step("a")).AddNode("merge", merge)
            .AddEdge("a", "merge")
            .StartWith("a").StartWith("merge").EndWith("merge")
            .RunAsync<string, string>("x");

        Assert.That(result, Is.EqualTo("x+x>a"));
    }

    [Test]
    public async Task Independent_branches_run_concurrently()
    {
        // b and c each wait until the other has started: the run only finishes if they run at the same time.
        var bStarted = new GraphGate();
        var cStarted = new GraphGate();
        var b = OfAsync<string, string>("b", async (s, token) => { bStarted.Open(); await cStarted.WaitAsync(token).WaitAsync(Guard, token); return s + ">b"; });
        var c = OfAsync<string, string>("c", async (s, token) => { cStarted.Open(); await bStarted.WaitAsync(token).WaitAsync(Guard, token); return s + ">c"; });
        var result = await new Graph("concurrent")
            .AddNode("a", Step("a")).AddNode("b", b).AddNode("c", c)
            .AddNode("d", Of<string, string, string>("d", (x, y) => x + "|" + y))
            .AddEdge("a", "b").AddEdge("a", "c").AddEdge("b", "d").AddEdge("c", "d")
            .StartWith("a").EndWith("d")
            .RunAsync<string, string>("x");

        Assert.That(result, Is.EqualTo("x>a>b|x>a>c"));
    }

    [Test]
    public async Task Two_start_nodes_run_concurrently_on_the_same_input()
    {
        var leftStarted = new GraphGate();
        var rightStarted = new GraphGate();
        var left = OfAsync<int, int>("left", async (i, token) => { leftStarted.Open(); await rightStarted.WaitAsync(token).WaitAsync(Guard, token); return i + 1; });
        var right = OfAsync<int, int>("right", async (i, token) => { rightStarted.Open(); await leftStarted.WaitAsync(token).WaitAsync(Guard, token); return i * 10; });
        var sum = await new Graph("two_starts")
            .AddNode("left", left).AddNode("right", right).AddNode("sum", Of<int, int, int>("sum", (x, y) => x + y))
            .AddEdge("left", "sum").AddEdge("right", "sum")
            .StartWith("left").StartWith("right").EndWith("sum")
            .RunAsync<int, int>(4);

        Assert.That(sum, Is.EqualTo(45));
    }

    [Test]
    public async Task Every_node_runs_at_most_once_in_a_triangle()
    {
        // Python flux runs d twice here (once via b, once from a's loop); Flux for .NET runs it once, after a and b.
        var a = Step("a");
        var b = Step("b");
        var d = Of<string, string, string>("d", (fromA, fromB) => fromA + "|" + fromB);
        var result = await new Graph("triangle")
            .AddNode("a", a).AddNode("b", b).AddNode("d", d)
            .AddEdge("a", "b").AddEdge("a", "d").AddEdge("b", "d")
            .StartWith("a").EndWith("d")
            .RunAsync<string, string>("x");

        Assert.That(result, Is.EqualTo("x>a|x>a>b"));
        Assert.That((a.Runs, b.Runs, d.Runs), Is.EqualTo((1, 1, 1)));
    }

    [Test]
    public async Task Each_condition_is_evaluated_once_per_run()
    {
        // Python flux re-evaluates conditions while walking upstream (five calls for this chain); here each runs once.
        var evaluations = 0;
        bool Count(string s)
        {
            Interlocked.Increment(ref evaluations);
            return true;
        }

        var result = await new Graph("chain")
            .AddNode("a", Step("a")).AddNode("b", Step("b")).AddNode("c", Step("c"))
            .AddEdge("a", "b", when: (string s) => Count(s))
            .AddEdge("b", "c", when: (string s) => Count(s))
            .StartWith("a").EndWith("c")
            .RunAsync<string, string>("x");

        Assert.That(result, Is.EqualTo("x>a>b>c"));
        Assert.That(evaluations, Is.EqualTo(2));
    }

    [Test]
    public async Task A_definition_can_be_run_again_without_stale_state()
    {
        var definition = Conditional(asyncConditions: false).Graph.Build();

        Assert.That(await definition.RunAsync<string, string>("one"), Is.EqualTo("processed one"));
        Assert.That(await definition.RunAsync<string, string>(""), Is.EqualTo("invalid input"));
        Assert.That(await definition.RunAsync<string, string>("two"), Is.EqualTo("processed two"));
    }

    [Test]
    public async Task Concurrent_runs_of_one_definition_do_not_share_state()
    {
        // Both runs are inside node b at the same time; each must still see its own input and outputs.
        var firstInB = new GraphGate();
        var secondInB = new GraphGate();
        var b = OfAsync<string, string>("b", async (s, token) =>
        {
            if (s.StartsWith("first", StringComparison.Ordinal))
            {
                firstInB.Open();
                await secondInB.WaitAsync(token).WaitAsync(Guard, token);
            }
            else
            {
                secondInB.Open();
                await firstInB.WaitAsync(token).WaitAsync(Guard, token);
            }

            return s + ">b";
        });
        var definition = new Graph("shared")
            .AddNode("a", Step("a")).AddNode("b", b).AddNode("c", Of<string, string, string>("c", (x, y) => x + "|" + y))
            .AddEdge("a", "b").AddEdge("a", "c").AddEdge("b", "c")
            .StartWith("a").EndWith("c")
            .Build();

        var first = definition.RunAsync<string, string>("first");
        var second = definition.RunAsync<string, string>("second");

        Assert.That(await first, Is.EqualTo("first>a|first>a>b"));
        Assert.That(await second, Is.EqualTo("second>a|second>a>b"));
    }

    [Test]
    public async Task A_run_that_reaches_no_end_node_fails_naming_the_skipped_end_nodes()
    {
        var graph = new Graph("nowhere")
            .AddNode("a", Step("a")).AddNode("b", Step("b")).AddNode("c", Step("c"))
            .AddEdge("a", "b", when: (string s) => false)
            .AddEdge("a", "c", when: (string s) => false)
            .StartWith("a").EndWith("b").EndWith("c");

        var thrown = await Assert.ThrowsAsync<GraphRunException>(() => graph.RunAsync<string, string>("x"));

        Assert.That(thrown!.GraphName, Is.EqualTo("nowhere"));
        Assert.That(thrown.Message, Does.StartWith("Graph 'nowhere' reached no end node: 'b', 'c' were skipped"));
    }

    [Test]
    public async Task A_run_that_reaches_two_end_nodes_fails_naming_them()
    {
        var c = Step("c");
        var graph = new Graph("two_ends")
            .AddNode("a", Step("a")).AddNode("b", Step("b")).AddNode("c", c)
            .AddEdge("a", "b").AddEdge("a", "c")
            .StartWith("a").EndWith("b").EndWith("c");

        var thrown = await Assert.ThrowsAsync<GraphRunException>(() => graph.RunAsync<string, string>("x"));

        Assert.That(thrown!.Message, Does.StartWith("Graph 'two_ends' reached 2 end nodes ('b', 'c'), but a run has one result"));
        Assert.That(c.Runs, Is.EqualTo(1));
    }

    [Test]
    public async Task A_failing_node_fails_the_run_and_cancels_the_running_branches()
    {
        var slowStarted = new GraphGate();
        var slowCancelled = new GraphGate();
        var slow = OfAsync<string, string>("slow", async (s, token) =>
        {
            slowStarted.Open();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                slowCancelled.Open();
                throw;
            }

            return s;
        });
        var failing = OfAsync<string, string>("failing", async (s, token) =>
        {
            await slowStarted.WaitAsync(token).WaitAsync(Guard, token);
            throw new InvalidOperationException("boom");
        });
        var after = Step("after");
        var graph = new Graph("failing")
            .AddNode("slow", slow).AddNode("failing", failing).AddNode("after", after)
            .AddNode("join", Of<string, string, string>("join", (x, y) => x + y))
            .AddEdge("slow", "join").AddEdge("failing", "after").AddEdge("after", "join")
            .StartWith("slow").StartWith("failing").EndWith("join");

        var thrown = await Assert.ThrowsAsync<TaskFailedException>(() => graph.RunAsync<string, string>("x"));

        Assert.That(thrown!.TaskName, Is.EqualTo("failing"));
        Assert.That(thrown.InnerException, Is.InstanceOf<InvalidOperationException>().With.Message.EqualTo("boom"));
        // The run waited for the cancelled branch before throwing.
        Assert.That(slowCancelled.Opened.IsCompleted, Is.True);
        Assert.That(after.Runs, Is.Zero);
    }

    [Test]
    public async Task A_throwing_condition_fails_the_run_naming_the_edge()
    {
        var process = Step("process");
        var graph = new Graph("bad_condition")
            .AddNode("a", Step("a")).AddNode("process", process)
            .AddEdge("a", "process", when: (string s) => Refuse(s))
            .StartWith("a").EndWith("process");

        var thrown = await Assert.ThrowsAsync<GraphRunException>(() => graph.RunAsync<string, string>("x"));

        Assert.That(thrown!.Message, Does.StartWith("Graph 'bad_condition': the condition on edge 'a' -> 'process'"));
        Assert.That(thrown.Message, Does.EndWith("threw InvalidOperationException: no way"));
        Assert.That(thrown.InnerException, Is.InstanceOf<InvalidOperationException>());
        Assert.That(process.Runs, Is.Zero);
    }

    [Test]
    public async Task Cancelling_the_token_cancels_the_running_nodes()
    {
        var started = new GraphGate();
        var cancelled = new GraphGate();
        var waiting = OfAsync<string, string>("waiting", async (s, token) =>
        {
            started.Open();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                cancelled.Open();
                throw;
            }

            return s;
        });
        var next = Step("next");
        using var cancellation = new CancellationTokenSource();
        var run = new Graph("cancel")
            .AddNode("waiting", waiting).AddNode("next", next)
            .AddEdge("waiting", "next")
            .StartWith("waiting").EndWith("next")
            .RunAsync<string, string>("x", cancellation.Token);

        await started.Opened.WaitAsync(Guard);
        await cancellation.CancelAsync();

        await Assert.CatchAsync<OperationCanceledException>(() => run);
        Assert.That(cancelled.Opened.IsCompleted, Is.True);
        Assert.That(next.Runs, Is.Zero);
    }

    [Test]
    public async Task Node_calls_record_their_events_in_the_running_workflow()
    {
        var definition = new Graph("hello_world")
            .AddNode("get_name", Of<string, string>("get_name", s => s))
            .AddNode("say_hello", Of<string, string>("say_hello", s => "Hello, " + s))
            .AddEdge("get_name", "say_hello")
            .StartWith("get_name").EndWith("say_hello")
            .Build();
        var workflow = new WorkflowHandle<string, string>("graph_workflow", async ctx => await definition.RunAsync<string, string>(ctx.Input));

        var execution = await workflow.RunAsync("Joe");

        Assert.That(execution.HasSucceeded, Is.True);
        Assert.That(execution.Output, Is.EqualTo("Hello, Joe"));
        var taskEvents = execution.Events.Where(e => e.Type is ExecutionEventType.TaskStarted or ExecutionEventType.TaskCompleted)
            .Select(e => (e.Type, e.Name)).ToArray();
        Assert.That(taskEvents, Is.EqualTo(new[]
        {
            (ExecutionEventType.TaskStarted, "get_name"),
            (ExecutionEventType.TaskCompleted, "get_name"),
            (ExecutionEventType.TaskStarted, "say_hello"),
            (ExecutionEventType.TaskCompleted, "say_hello"),
        }));
    }

    [Test]
    public async Task Running_with_an_input_type_a_start_node_does_not_take_throws_before_anything_runs()
    {
        var start = Of<string, string>("start", s => s);
        var graph = new Graph("typed").AddNode("start", start).StartWith("start").EndWith("start");

        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => graph.RunAsync<int, string>(42));

        Assert.That(thrown!.ParamName, Is.EqualTo("TInput"));
        Assert.That(thrown.Message, Does.StartWith("Graph 'typed': start node 'start' takes 'string' but the graph is run with an input of type 'int'"));
        Assert.That(start.Runs, Is.Zero);
    }

    [Test]
    public async Task Running_for_an_output_type_an_end_node_does_not_produce_throws_before_anything_runs()
    {
        var start = Of<string, int>("count", s => s.Length);
        var graph = new Graph("typed").AddNode("count", start).StartWith("count").EndWith("count");

        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => graph.RunAsync<string, string>("x"));

        Assert.That(thrown!.ParamName, Is.EqualTo("TOutput"));
        Assert.That(thrown.Message, Does.StartWith("Graph 'typed': end node 'count' produces 'int' but the graph is run for a result of type 'string'"));
        Assert.That(start.Runs, Is.Zero);
    }

    [Test]
    public async Task Results_and_inputs_convert_by_reference_boxing_and_nullable_rules()
    {
        var result = await new Graph("conversions")
            .AddNode("count", Of<string, int>("count", s => s.Length))
            .AddNode("maybe", Of<int?, int?>("maybe", i => i + 1))
            .AddNode("box", Of<object, object>("box", o => o))
            .AddEdge("count", "maybe").AddEdge("maybe", "box")
            .StartWith("count").EndWith("box")
            .RunAsync<string, object>("abc");

        Assert.That(result, Is.EqualTo(4));
    }

    private static bool Refuse(string value) => throw new InvalidOperationException("no way");
}
