using System.Globalization;
using Flux.Generated;
using Flux.Runtime.Tests.Options;
using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Execution;

/// <summary>
/// A call's id is the path of the scopes it was made in, then its task, fingerprint and occurrence: never the order in
/// which concurrent work finished. The texts are pinned here: stored executions depend on them. (The fingerprints
/// themselves are pinned by the fingerprint tests; here they come from the handle.)
/// </summary>
public class CallIdTests
{
    private static readonly LambdaTask<string, string> Stamp = new("stamp", (s, _) => ValueTask.FromResult(Workflow.CurrentCall!));

    private static string Fp<T>(TaskHandle<T, string> task, T argument) => task.HashOf(argument).ToString("x16", CultureInfo.InvariantCulture);

    private static string Fp<T>(TaskHandle<T, string[]> task, T argument) => task.HashOf(argument).ToString("x16", CultureInfo.InvariantCulture);

    [Test]
    public async Task Each_kind_of_scope_gives_its_calls_the_pinned_id_text()
    {
        var outer = new LambdaTask<string, string>("outer", async (s, _) => await Stamp.Call(s));
        var twice = new LambdaTask<string, string[]>("twice", async (s, _) => [await Stamp.Call(s), await Stamp.Call(s), await Stamp.Call("other")]);
        var graph = new Graph("greeting").AddNode("first", Stamp).AddNode("second", outer).AddEdge("first", "second").StartWith("first").EndWith("second").Build();

        var ctx = await LambdaTask.RunWorkflow<int, Dictionary<string, string>>(0, async _ => new Dictionary<string, string>
        {
            ["root"] = await Stamp.Call("x"),
            ["root again"] = await Stamp.Call("x"),
            ["nested"] = await outer.Call("y"),
            ["nested twice"] = string.Join(" | ", await twice.Call("z")),
            ["map"] = string.Join(" | ", await Stamp.Map(["a", "b"])),
            ["map again"] = string.Join(" | ", await Stamp.Map(["a"])),
            ["map nested"] = string.Join(" | ", await outer.Map(["c"])),
            ["parallel"] = string.Join(" | ", await Workflow.Parallel(Stamp.Call("p"), outer.Call("q"))),
            ["parallel again"] = string.Join(" | ", await Workflow.Parallel(Stamp.Call("p"))),
            ["graph"] = await graph.RunAsync<string, string>("g"),
            ["graph again"] = await graph.RunAsync<string, string>("g"),
            ["graph nested"] = await new LambdaTask<string, string>("runner", async (s, _) => await graph.RunAsync<string, string>(s)).Call("h"),
        }).Guard();

        var runner = new LambdaTask<string, string>("runner", (_, _) => ValueTask.FromResult(""));
        Assert.That(ctx.Output, Is.EqualTo(new Dictionary<string, string>
        {
            ["root"] = $"stamp_{Fp(Stamp, "x")}",
            ["root again"] = $"stamp_{Fp(Stamp, "x")}~1",
            ["nested"] = $"outer_{Fp(outer, "y")}/stamp_{Fp(Stamp, "y")}",
            ["nested twice"] = $"twice_{Fp(twice, "z")}/stamp_{Fp(Stamp, "z")} | twice_{Fp(twice, "z")}/stamp_{Fp(Stamp, "z")}~1 | twice_{Fp(twice, "z")}/stamp_{Fp(Stamp, "other")}",
            ["map"] = $"map:stamp[0]/stamp_{Fp(Stamp, "a")} | map:stamp[1]/stamp_{Fp(Stamp, "b")}",
            ["map again"] = $"map:stamp~1[0]/stamp_{Fp(Stamp, "a")}",
            ["map nested"] = $"map:outer[0]/outer_{Fp(outer, "c")}/stamp_{Fp(Stamp, "c")}",
            ["parallel"] = $"parallel[0]/stamp_{Fp(Stamp, "p")} | parallel[1]/outer_{Fp(outer, "q")}/stamp_{Fp(Stamp, "q")}",
            ["parallel again"] = $"parallel~1[0]/stamp_{Fp(Stamp, "p")}",
            ["graph"] = $"graph:greeting/second/outer_{Fp(outer, $"graph:greeting/first/stamp_{Fp(Stamp, "g")}")}/stamp_{Fp(Stamp, $"graph:greeting/first/stamp_{Fp(Stamp, "g")}")}",
            ["graph again"] = $"graph:greeting~1/second/outer_{Fp(outer, $"graph:greeting~1/first/stamp_{Fp(Stamp, "g")}")}/stamp_{Fp(Stamp, $"graph:greeting~1/first/stamp_{Fp(Stamp, "g")}")}",
            ["graph nested"] = $"runner_{Fp(runner, "h")}/graph:greeting/second/outer_{Fp(outer, $"runner_{Fp(runner, "h")}/graph:greeting/first/stamp_{Fp(Stamp, "h")}")}/stamp_{Fp(Stamp, $"runner_{Fp(runner, "h")}/graph:greeting/first/stamp_{Fp(Stamp, "h")}")}",
        }));

        // The events carry the same ids.
        var recorded = ctx.Events.Where(e => e.Type == ExecutionEventType.TaskStarted && e.Name == "stamp").Select(e => e.SourceId).ToList();
        Assert.That(recorded, Does.Contain($"stamp_{Fp(Stamp, "x")}~1").And.Contain($"map:stamp~1[0]/stamp_{Fp(Stamp, "a")}"));
    }

    [Test]
    public async Task The_items_a_map_worker_runs_one_after_another_keep_their_own_ids_and_their_nested_calls_too()
    {
        // One worker runs every item: it serves them with one scope in turn, until an item's body makes it a parent.
        var outer = new LambdaTask<string, string>("outer", async (s, _) => s == "plain" ? Workflow.CurrentCall! : await Stamp.Call(s));
        string[] items = ["plain", "a", "plain", "b", "plain"];

        var ctx = await LambdaTask.RunWorkflow<int, string[]>(0, async _ => await outer.Map(items, new BatchOptions { MaxConcurrency = 1 }));

        Assert.That(ctx.Output, Is.EqualTo(items.Select((item, k) => item == "plain"
            ? $"map:outer[{k}]/outer_{Fp(outer, item)}"
            : $"map:outer[{k}]/outer_{Fp(outer, item)}/stamp_{Fp(Stamp, item)}")));
        var nested = ctx.Events.Where(e => e.Name == "stamp" && e.Type == ExecutionEventType.TaskStarted).Select(e => e.SourceId);
        Assert.That(nested, Is.EqualTo(new[] { ctx.Output![1], ctx.Output[3] }), "the recorded ids of nested calls do not change when the worker moves on");
        var items_ = ctx.Events.Where(e => e.Name == "outer" && e.Type == ExecutionEventType.TaskCompleted).Select(e => e.SourceId);
        Assert.That(items_, Is.EqualTo(items.Select((item, k) => $"map:outer[{k}]/outer_{Fp(outer, item)}")));
    }

    [Test]
    public async Task Declared_and_fluent_graphs_give_their_calls_the_same_ids()
    {
        var first = LambdaTask.Of<string, string>("first", s => s + "1");
        var second = LambdaTask.Of<string, string>("second", s => s + "2");
        var fluent = new Graph("pair").AddNode("a", first).AddNode("b", second).AddEdge("a", "b").StartWith("a").EndWith("b").Build();

        var viaFluent = await LambdaTask.RunWorkflow<string, string>("x", async c => await fluent.RunAsync<string, string>(c.Input));
        var viaDeclared = await LambdaTask.RunWorkflow<string, string>("x", async c =>
        {
            await using var graph = DeclaredGraphRun.Open("pair", ["b"]);
            var a = await graph.Run("a", first.Call(c.Input));
            var b = await graph.Run("b", second.Call(a));
            graph.CheckEndNodes(true);
            return b;
        });

        static string[] Ids(ExecutionContext run) => run.Events.Where(e => e.IsTaskEvent).Select(e => $"{e.Type} {e.SourceId}").ToArray();
        Assert.That(viaDeclared.Output, Is.EqualTo("x12"));
        Assert.That(Ids(viaDeclared), Is.EqualTo(Ids(viaFluent)));
        Assert.That(Ids(viaFluent)[0], Is.EqualTo($"TaskStarted graph:pair/a/first_{Fp(first, "x")}"));
    }

    [Test]
    public async Task Two_branches_get_the_same_ids_whichever_finishes_first()
    {
        async Task<string[]> RunWithOrder(bool leftFirst)
        {
            var gates = new[] { new Gate(), new Gate() };
            var stamped = new[] { new Gate(), new Gate() };
            var branch = new LambdaTask<int, string>("branch", async (side, token) =>
            {
                await gates[side].WaitAsync(token);
                var id = await Stamp.Call("now");
                stamped[side].Open();
                return id;
            });

            var run = LambdaTask.RunWorkflow<int, string[]>(0, async _ => await Workflow.Parallel(branch.Call(0), branch.Call(1)));
            var (early, late) = leftFirst ? (0, 1) : (1, 0);
            gates[early].Open();
            await stamped[early].WaitAsync().Guard();
            gates[late].Open();
            var ctx = await run.Guard();
            Assert.That(ctx.Events.Where(e => e.Type == ExecutionEventType.TaskStarted && e.Name == "stamp").Select(e => e.SourceId), Is.EqualTo(
                leftFirst ? ctx.Output : ctx.Output!.Reverse()), "the stamps started in the order forced");
            return ctx.Output!;
        }

        var leftFirst = await RunWithOrder(leftFirst: true);
        var rightFirst = await RunWithOrder(leftFirst: false);

        var branch = new LambdaTask<int, string>("branch", (_, _) => ValueTask.FromResult(""));
        Assert.That(leftFirst, Is.EqualTo(rightFirst));
        Assert.That(leftFirst, Is.EqualTo(new[]
        {
            $"parallel[0]/branch_{Fp(branch, 0)}/stamp_{Fp(Stamp, "now")}",
            $"parallel[1]/branch_{Fp(branch, 1)}/stamp_{Fp(Stamp, "now")}",
        }));
    }

    [Test]
    public async Task Two_concurrent_calls_in_one_task_body_get_their_occurrences_in_the_order_they_start()
    {
        var gates = new[] { new Gate(), new Gate() };
        var started = -1;
        var slow = new LambdaTask<int, string>("slow", async (_, token) =>
        {
            await gates[Interlocked.Increment(ref started)].WaitAsync(token);
            return Workflow.CurrentCall!;
        });
        var body = new LambdaTask<int, string[]>("body", async (_, _) =>
        {
            // Started in this order, finished in the other: the occurrence follows the start.
            var first = slow.Call(7).RunAsync();
            var second = slow.Call(7).RunAsync();
            gates[1].Open();
            var secondId = await second;
            gates[0].Open();
            return [await first, secondId];
        });

        var ctx = await LambdaTask.RunWorkflow<int, string[]>(0, async _ => await body.Call(0)).Guard();

        Assert.That(ctx.Error, Is.Null);
        var prefix = $"body_{Fp(body, 0)}/slow_{slow.HashOf(7):x16}";
        Assert.That(ctx.Output, Is.EqualTo(new[] { prefix, prefix + "~1" }));
    }

    [Test]
    public async Task Calls_record_their_position_in_their_scope()
    {
        var outer = new LambdaTask<string, string>("outer", async (s, _) => await Stamp.Call(s) + await Stamp.Call("second"));

        var ctx = await LambdaTask.RunWorkflow<int, string>(0, async _ =>
            await Stamp.Call("a") + await outer.Call("b") + await Stamp.Call("a") + string.Concat(await Stamp.Map(["m", "n"])));

        var positions = ctx.Events.Where(e => e.Type == ExecutionEventType.TaskStarted)
            .Select(e => (e.CallId.ScopePath, e.Name, e.CallId.Position, e.CallId.Occurrence)).ToArray();
        var outerId = $"outer_{Fp(outer, "b")}";
        Assert.That(positions[..5], Is.EqualTo(new[]
        {
            ("", "stamp", 0, 0),
            ("", "outer", 1, 0),
            (outerId, "stamp", 0, 0),
            (outerId, "stamp", 1, 0),
            ("", "stamp", 2, 1),
        }));
        Assert.That(positions[5..], Is.EquivalentTo(new[] { ("map:stamp[0]", "stamp", 0, 0), ("map:stamp[1]", "stamp", 0, 0) }), "each item's call is its slot's first");
    }

    [Test]
    public async Task Workflow_CurrentCall_is_the_running_call_s_id_and_null_in_the_workflow_body()
    {
        string? inBody = "not read";
        var ctx = await LambdaTask.RunWorkflow<int, string>(0, async _ =>
        {
            inBody = Workflow.CurrentCall;
            return await Stamp.Call("k");
        });

        Assert.That(inBody, Is.Null);
        Assert.That(ctx.Output, Is.EqualTo(ctx.Events.Single(e => e.Type == ExecutionEventType.TaskStarted).SourceId));
        Assert.That(Workflow.CurrentCall, Is.Null);
        Assert.That(await Stamp.Call("outside"), Is.EqualTo($"stamp_{Fp(Stamp, "outside")}"), "outside a workflow a call still has its id");
    }

    [TestCase("a/b", '/')]
    [TestCase("a~1", '~')]
    [TestCase("x[0]", '[')]
    [TestCase("x]", ']')]
    public void Names_that_would_make_an_id_ambiguous_are_rejected_with_the_fix(string name, char bad)
    {
        Assert.That(() => LambdaTask.Of<int, int>(name, x => x), Throws.ArgumentException.With.Message.StartsWith(
            $"Task name '{name}' contains '{bad}', which call ids use to separate their parts: give the task a name without '/', '~', '[' or ']' (for example [Task(Name = \""));
        Assert.That(() => new Graph(name), Throws.ArgumentException.With.Message.StartsWith($"Graph name '{name}' contains '{bad}'").And.Message.Contains("new Graph(\""));
        Assert.That(() => new Graph("g").AddNode(name, Stamp), Throws.ArgumentException.With.Message.StartsWith($"Node name '{name}' in graph 'g' contains '{bad}'"));
        Assert.That(() => DeclaredGraphRun.Open(name, []), Throws.ArgumentException.With.Message.Contains("[Workflow(Name = \""));
    }

    [Test]
    public void A_suggested_name_replaces_the_reserved_characters()
    {
        Assert.That(() => LambdaTask.Of<int, int>("load/customers[eu]", x => x), Throws.ArgumentException.With.Message.Contains("[Task(Name = \"load_customers_eu_\")]"));
    }
}
