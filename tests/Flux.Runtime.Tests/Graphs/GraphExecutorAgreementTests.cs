using Flux.Generated;
using Flux.Runtime.Tests.Options;
using Flux.Runtime.Tests.Support;
using static Flux.Runtime.Tests.Graphs.GraphTestTasks;

namespace Flux.Runtime.Tests.Graphs;

/// <summary>
/// One graph semantics, two executors: every case runs through <see cref="Graph"/> (the runtime executor) and through a
/// body written the way the generator writes a declared graph's (on <see cref="DeclaredGraphRun"/>), and both must give
/// the same result or the same failure, and record the same calls under the same ids.
/// </summary>
public sealed class GraphExecutorAgreementTests
{
    /// <summary>The tasks and gates of one case, fresh for each executor.</summary>
    private sealed class Parts
    {
        public GraphTestTask<string, ValidationResult> Validate { get; } = Of<string, ValidationResult>(
            "validate", data => data == "explode" ? throw new FormatException("unreadable") : new ValidationResult(data.Length > 0, data));

        public GraphTestTask<ValidationResult, string> Process { get; } = Of<ValidationResult, string>("process", r => "processed " + r.Data);

        public GraphTestTask<ValidationResult, string> Reject { get; } = Of<ValidationResult, string>("reject", _ => "invalid input");

        public GraphGate SlowStarted { get; } = new();

        public GraphGate SlowStopped { get; } = new();

        private GraphTestTask<ValidationResult, string>? _slow;
        private GraphTestTask<ValidationResult, string>? _failing;

        public GraphTestTask<ValidationResult, string> Slow => _slow ??= OfAsync<ValidationResult, string>("slow", async (r, token) =>
        {
            SlowStarted.Open();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
                return r.Data;
            }
            finally
            {
                SlowStopped.Open();
            }
        });

        public GraphTestTask<ValidationResult, string> Failing => _failing ??= OfAsync<ValidationResult, string>("failing", async (_, token) =>
        {
            await SlowStarted.WaitAsync(token);
            throw new InvalidOperationException("boom");
        });

        public GraphTestTask<(string, string), string> Join { get; } = Of<string, string, string>("join", (x, y) => x + "|" + y);
    }

    // The conditions: pure, but "both" takes both edges, "none" neither, "condition" makes the first one throw.
    private static bool IsValid(ValidationResult r) => r.Data switch
    {
        "condition" => throw new ArgumentException("cannot decide"),
        "both" => true,
        "none" => false,
        _ => r.Valid,
    };

    private static bool IsInvalid(ValidationResult r) => r.Data is "both" || (r.Data is not "none" && !r.Valid);

    private static async Task<bool> IsValidAsync(ValidationResult r)
    {
        await Task.Yield();
        return IsValid(r);
    }

    private static async Task<bool> IsInvalidAsync(ValidationResult r)
    {
        await Task.Yield();
        return IsInvalid(r);
    }

    private static Graph Conditional(Parts parts, bool async)
    {
        var graph = new Graph("conditional_flow").AddNode("validate", parts.Validate).AddNode("process", parts.Process).AddNode("error", parts.Reject);
        if (async)
        {
            graph.AddEdge<ValidationResult>("validate", "process", IsValidAsync, "IsValid").AddEdge<ValidationResult>("validate", "error", IsInvalidAsync, "IsInvalid");
        }
        else
        {
            graph.AddEdge<ValidationResult>("validate", "process", IsValid, "IsValid").AddEdge<ValidationResult>("validate", "error", IsInvalid, "IsInvalid");
        }

        return graph.StartWith("validate").EndWith("process").EndWith("error");
    }

    /// <summary>What the generator writes for the conditional graph (sync or async conditions).</summary>
    private static async Task<string> DeclaredConditional(Parts parts, bool async, ExecutionContext<string> ctx)
    {
        await using var graph = DeclaredGraphRun.Open("conditional_flow", ["process", "error"]);

        var validate = await graph.Run("validate", parts.Validate.Call(ctx.Input)).ConfigureAwait(false);

        var processRuns = async
            ? await graph.WhenAsync<ValidationResult>("validate", "process", "IsValid", IsValidAsync, validate).ConfigureAwait(false)
            : graph.When<ValidationResult>("validate", "process", "IsValid", IsValid, validate);
        var processCall = default(ValueTask<string>);
        if (processRuns)
        {
            processCall = graph.Run("process", parts.Process.Call(validate));
        }

        var errorRuns = async
            ? await graph.WhenAsync<ValidationResult>("validate", "error", "IsInvalid", IsInvalidAsync, validate).ConfigureAwait(false)
            : graph.When<ValidationResult>("validate", "error", "IsInvalid", IsInvalid, validate);
        var errorCall = default(ValueTask<string>);
        if (errorRuns)
        {
            errorCall = graph.Run("error", parts.Reject.Call(validate));
        }

        string process = default!;
        if (processRuns)
        {
            process = await processCall.ConfigureAwait(false);
        }

        string error = default!;
        if (errorRuns)
        {
            error = await errorCall.ConfigureAwait(false);
        }

        graph.CheckEndNodes(processRuns, errorRuns);
        return processRuns ? process : error;
    }

    private static Graph Diamond(Parts parts) => new Graph("diamond")
        .AddNode("validate", parts.Validate).AddNode("slow", parts.Slow).AddNode("failing", parts.Failing).AddNode("join", parts.Join)
        .AddEdge("validate", "slow").AddEdge("validate", "failing").AddEdge("slow", "join").AddEdge("failing", "join")
        .StartWith("validate").EndWith("join");

    /// <summary>What the generator writes for the diamond: both branches start together, then the join.</summary>
    private static async Task<string> DeclaredDiamond(Parts parts, ExecutionContext<string> ctx)
    {
        await using var graph = DeclaredGraphRun.Open("diamond", ["join"]);

        var validate = await graph.Run("validate", parts.Validate.Call(ctx.Input)).ConfigureAwait(false);

        var slowCall = graph.Run("slow", parts.Slow.Call(validate));
        var failingCall = graph.Run("failing", parts.Failing.Call(validate));

        var slow = await slowCall.ConfigureAwait(false);
        var failing = await failingCall.ConfigureAwait(false);

        var join = await graph.Run("join", parts.Join.Call((slow, failing))).ConfigureAwait(false);

        graph.CheckEndNodes(true);
        return join;
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var async in new[] { false, true })
        {
            var kind = async ? "async conditions" : "sync conditions";
            yield return new TestCaseData("valid input takes the true edge", "abc", async).SetArgDisplayNames(kind, "abc");
            yield return new TestCaseData("invalid input takes the other edge", "", async).SetArgDisplayNames(kind, "empty");
            yield return new TestCaseData("a throwing condition fails as GraphRunException", "condition", async).SetArgDisplayNames(kind, "condition");
            yield return new TestCaseData("no end node", "none", async).SetArgDisplayNames(kind, "none");
            yield return new TestCaseData("two end nodes", "both", async).SetArgDisplayNames(kind, "both");
            yield return new TestCaseData("a failing start node", "explode", async).SetArgDisplayNames(kind, "explode");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task The_conditional_graph_behaves_the_same_in_both_executors(string why, string input, bool async)
    {
        var fluentParts = new Parts();
        var declaredParts = new Parts();
        var fluent = Conditional(fluentParts, async).Build();

        var viaFluent = await LambdaTask.RunWorkflow<string, string>(input, async c => await fluent.RunAsync<string, string>(c.Input), name: "conditional_flow");
        var viaDeclared = await LambdaTask.RunWorkflow<string, string>(input, c => DeclaredConditional(declaredParts, async, c), name: "conditional_flow");

        AssertSameRun(viaFluent, viaDeclared, why);
        Assert.That((declaredParts.Process.Runs, declaredParts.Reject.Runs), Is.EqualTo((fluentParts.Process.Runs, fluentParts.Reject.Runs)));
        if (input == "condition")
        {
            Assert.That(viaDeclared.Error, Is.TypeOf<GraphRunException>().With.Message.EqualTo(
                "Graph 'conditional_flow': the condition on edge 'validate' -> 'process' (IsValid) threw ArgumentException: cannot decide"));
            Assert.That(viaDeclared.Error!.InnerException, Is.TypeOf<ArgumentException>());
        }
    }

    [Test]
    public async Task A_failing_branch_cancels_and_awaits_its_sibling_in_both_executors()
    {
        var fluentParts = new Parts();
        var declaredParts = new Parts();
        var fluent = Diamond(fluentParts).Build();

        var viaFluent = await LambdaTask.RunWorkflow<string, string>("x", async c => await fluent.RunAsync<string, string>(c.Input), name: "diamond").Guard();
        var viaDeclared = await LambdaTask.RunWorkflow<string, string>("x", c => DeclaredDiamond(declaredParts, c), name: "diamond").Guard();

        AssertSameRun(viaFluent, viaDeclared, "fail fast");
        Assert.That(((TaskFailedException)viaDeclared.Error!).TaskName, Is.EqualTo("failing"));
        Assert.That(fluentParts.SlowStopped.Opened.IsCompleted && declaredParts.SlowStopped.Opened.IsCompleted, Is.True);
        Assert.That(OptionsOf(viaDeclared, "slow"), Is.EqualTo(new[] { ExecutionEventType.TaskStarted, ExecutionEventType.TaskCancelled }));
        Assert.That(declaredParts.Join.Runs + fluentParts.Join.Runs, Is.Zero);
    }

    [Test]
    public async Task Workflow_cancellation_reaches_the_nodes_of_both_executors()
    {
        foreach (var declared in new[] { false, true })
        {
            var parts = new Parts();
            var graph = new Graph("waiting").AddNode("validate", parts.Validate).AddNode("slow", parts.Slow).AddEdge("validate", "slow")
                .StartWith("validate").EndWith("slow").Build();
            using var cancellation = new CancellationTokenSource();

            var run = LambdaTask.RunWorkflow<string, string>(
                "x",
                async c =>
                {
                    if (!declared)
                    {
                        return await graph.RunAsync<string, string>(c.Input);
                    }

                    await using var run = DeclaredGraphRun.Open("waiting", ["slow"]);
                    var validate = await run.Run("validate", parts.Validate.Call(c.Input));
                    var slow = await run.Run("slow", parts.Slow.Call(validate));
                    run.CheckEndNodes(true);
                    return slow;
                },
                cancellation.Token);
            await parts.SlowStarted.Opened.WaitAsync(TimeSpan.FromSeconds(30));
            await cancellation.CancelAsync();
            var ctx = await run.Guard();

            Assert.That(ctx.IsCancelled, Is.True, declared ? "declared" : "fluent");
            Assert.That(parts.SlowStopped.Opened.IsCompleted, Is.True);
        }
    }

    [Test]
    public async Task A_declared_run_waits_for_a_node_the_body_left_unawaited()
    {
        var parts = new Parts();

        var ctx = await LambdaTask.RunWorkflow<string, string>("x", async c =>
        {
            await using var graph = DeclaredGraphRun.Open("left", ["slow"]);
            var validate = await graph.Run("validate", parts.Validate.Call(c.Input));
            _ = graph.Run("slow", parts.Slow.Call(validate));
            await parts.SlowStarted.Opened;
            throw new InvalidOperationException("the body leaves early");
        }).Guard();

        Assert.That(ctx.Error, Is.TypeOf<InvalidOperationException>());
        Assert.That(parts.SlowStopped.Opened.IsCompleted, Is.True, "disposing the run cancelled the node and waited for it");
        Assert.That(OptionsOf(ctx, "slow"), Is.EqualTo(new[] { ExecutionEventType.TaskStarted, ExecutionEventType.TaskCancelled }));
    }

    [Test]
    public async Task A_declared_run_starts_no_node_after_a_failure_and_refuses_to_run_a_node_twice()
    {
        var parts = new Parts();

        var ctx = await LambdaTask.RunWorkflow<string, string>("explode", async c =>
        {
            await using var graph = DeclaredGraphRun.Open("once", ["process"]);
            var validate = graph.Run("validate", parts.Validate.Call(c.Input));
            Assert.That(() => graph.Run("validate", parts.Validate.Call(c.Input)), Throws.InvalidOperationException.With.Message.Contains("node 'validate' was already started"));
            try
            {
                await validate;
            }
            catch (TaskFailedException)
            {
            }

            return await graph.Run("process", parts.Process.Call(new ValidationResult(true, "late")));
        });

        Assert.That(ctx.Error, Is.TypeOf<TaskFailedException>().With.Property("TaskName").EqualTo("validate"), "the first failure");
        Assert.That(parts.Process.Runs, Is.Zero);
    }

    private static ExecutionEventType[] OptionsOf(ExecutionContext ctx, string task) =>
        ctx.Events.Where(e => e.IsTaskEvent && e.Name == task).Select(e => e.Type).ToArray();

    private static void AssertSameRun(ExecutionContext<string, string> fluent, ExecutionContext<string, string> declared, string why)
    {
        Assert.That(declared.State, Is.EqualTo(fluent.State), why);
        Assert.That(declared.Output, Is.EqualTo(fluent.Output), why);
        Assert.That(declared.Error?.GetType(), Is.EqualTo(fluent.Error?.GetType()), why);
        Assert.That(declared.Error?.Message.Replace(declared.ExecutionId, "<execution>"), Is.EqualTo(fluent.Error?.Message.Replace(fluent.ExecutionId, "<execution>")), why);

        // The same calls, under the same ids (concurrent branches may record in either order).
        static string[] Calls(ExecutionContext run) =>
            run.Events.Where(e => e.IsTaskEvent).Select(e => $"{e.Type} {e.SourceId}").Order(StringComparer.Ordinal).ToArray();
        Assert.That(Calls(declared), Is.EqualTo(Calls(fluent)), why);
    }
}
