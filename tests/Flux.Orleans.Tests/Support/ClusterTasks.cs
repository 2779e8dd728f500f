namespace Flux.Orleans.Tests;

/// <summary>The tasks and workflows the cluster tests send to the silos.</summary>
public static partial class ClusterTasks
{
    [Task]
    public static int Square(int value) => value * value;

    [Task]
    public static string Describe(string name, int count, double ratio) => $"{name}:{count}:{ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    [Task]
    public static void Explode(string message) => throw new InvalidOperationException(message, new FormatException("the inner cause"));

    /// <summary>Records which silo ran it, then waits at its batch's gate: what the batch and fail-over tests steer.</summary>
    [Task]
    public static async Task<int> Gated(string batch, int item, CancellationToken cancellationToken)
    {
        var call = TaskWorkerCall.Current ?? throw new InvalidOperationException("Gated ran outside a task worker.");
        await Batches.Get(batch).RunAsync(item, call.Silo, cancellationToken).ConfigureAwait(false);
        return item * 2;
    }

    [Workflow]
    public static async Task<string> Greet(ExecutionContext<string> context) =>
        $"{await SquareTask.Call(context.Input.Length)} for {context.Input}";

    /// <summary>Counts its runs under its input and waits at the gate of that name.</summary>
    [Workflow]
    public static async Task<string> WaitForGate(ExecutionContext<string> context)
    {
        var gate = Gates.Get(context.Input);
        gate.Started();
        await gate.Open.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        return $"opened {context.Input}";
    }
}

/// <summary>The seed's task patterns, and the Map the scale and fail-over tests run, as the cluster runs them.</summary>
public static partial class PatternTasks
{
    [Task]
    public static async Task<string> SayHi(string name)
    {
        await Task.Yield();
        return $"Hi, {name}";
    }

    [Task]
    public static async Task<string> SayHello(string name)
    {
        await Task.Yield();
        return $"Hello, {name}";
    }

    [Task]
    public static async Task<string> SayHola(string name)
    {
        await Task.Yield();
        return $"Hola, {name}";
    }

    [Workflow(Name = "parallel_workflow")]
    public static async Task<string[]> Greetings(ExecutionContext<string> ctx) =>
        await Workflow.Parallel(SayHiTask.Call(ctx.Input), SayHelloTask.Call(ctx.Input), SayHolaTask.Call(ctx.Input));

    [Task] public static int MultiplyByTwo(int x) => x * 2;

    [Task] public static int AddThree(int x) => x + 3;

    [Task] public static int Squared(int x) => x * x;

    [Workflow(Name = "pipeline_workflow")]
    public static Task<int> Compute(ExecutionContext<int> ctx) => Workflow.Pipeline(ctx.Input, MultiplyByTwoTask, AddThreeTask, SquaredTask);

    [Task]
    public static async Task<string> Upper(string item)
    {
        await Task.Yield();
        return item.ToUpperInvariant();
    }

    [Workflow(Name = "mapping_workflow")]
    public static async Task<string[]> Uppers(ExecutionContext<string[]> ctx) => await UpperTask.Map(ctx.Input);

    [Task] public static string GetName(string input) => input;

    [Workflow(Name = "graph_workflow")]
    public static async Task<string> Hello(ExecutionContext<string> ctx) =>
        await new Graph("hello_world")
            .AddNode("get_name", GetNameTask)
            .AddNode("say_hello", SayHelloTask)
            .AddEdge("get_name", "say_hello")
            .StartWith("get_name")
            .EndWith("say_hello")
            .RunAsync<string, string>(ctx.Input);

    /// <summary>Pauses for an approver's name, then holds at the gate named by its input (so a test sees it running).</summary>
    [Workflow(Name = "approval_workflow")]
    public static async Task<string> Approve(ExecutionContext<string> ctx)
    {
        var approver = await Workflow.Pause<string>("approval");
        var gate = Gates.Get(ctx.Input);
        gate.Started();
        await gate.Open.WaitAsync(ctx.CancellationToken).ConfigureAwait(false);
        return $"{ctx.Input} approved by {approver}";
    }

    /// <summary>One Map item's side effect: counted per run, with the silo it ran on.</summary>
    [Task]
    public static async Task<int> Touch(TouchItem item, CancellationToken cancellationToken)
    {
        var call = TaskWorkerCall.Current ?? throw new InvalidOperationException("Touch ran outside a task worker.");
        await Touches.Get(item.Batch).RunAsync(item.Index, call.Silo, cancellationToken).ConfigureAwait(false);
        return item.Index;
    }

    [Workflow(Name = "touch_map")]
    public static async Task<long> TouchAll(ExecutionContext<TouchInput> ctx)
    {
        var items = Enumerable.Range(0, ctx.Input.Count).Select(index => new TouchItem(ctx.Input.Batch, index));
        var results = await TouchTask.Map(items);
        return results.Sum(static r => (long)r);
    }
}
