using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flux.CommandLine.TestApp;

/// <summary>What <c>gated_map</c> maps over: a folder the test controls and how many items.</summary>
/// <param name="Directory">Where the gate files appear.</param>
/// <param name="Count">How many items.</param>
public sealed record GateInput(string Directory, int Count);

/// <summary>One item of <c>gated_map</c>.</summary>
/// <param name="Directory">Where its gate file appears.</param>
/// <param name="Item">Its index.</param>
public sealed record GateItem(string Directory, int Item);

/// <summary>
/// Workflows whose progress the tests control without sleeping: a pause the test resumes, and a Map whose item k
/// finishes once the test creates the file <c>gate-k</c>.
/// </summary>
public static partial class TestWorkflows
{
    [Task]
    public static string Greeting(string name) => $"Hello, {name}";

    [Task]
    public static string Prepare(string order) => $"prepared {order}";

    [Task]
    public static async Task<int> WaitForGate(GateItem item, CancellationToken token)
    {
        var gate = Path.Combine(item.Directory, $"gate-{item.Item}");
        while (!File.Exists(gate))
        {
            // The program polls the folder the test writes to; the test itself never waits on time.
            await Task.Delay(10, token);
        }

        return item.Item * item.Item;
    }

    [Task]
    public static string Explode(string reason) => throw new InvalidOperationException($"boom: {reason}");

    [Workflow(Name = "greet")]
    public static async Task<string> Greet(ExecutionContext<string> ctx) => await GreetingTask.Call(ctx.Input);

    [Workflow(Name = "approval")]
    public static async Task<string> Approval(ExecutionContext<string> ctx)
    {
        var prepared = await PrepareTask.Call(ctx.Input);
        var decision = await Workflow.Pause<string>("manager");
        return $"{prepared}: {decision}";
    }

    [Workflow(Name = "gated_map")]
    public static async Task<int> GatedMap(ExecutionContext<GateInput> ctx)
    {
        var items = Enumerable.Range(0, ctx.Input.Count).Select(k => new GateItem(ctx.Input.Directory, k)).ToArray();
        return (await WaitForGateTask.Map(items)).Sum();
    }

    [Workflow(Name = "explode")]
    public static async Task<string> ExplodeWorkflow(ExecutionContext<string> ctx) => await ExplodeTask.Call(ctx.Input);

    [Workflow(Name = "hello_graph")]
    [Node("greeting", nameof(Greeting))]
    [StartWith("greeting")]
    [EndWith("greeting")]
    public static partial Task<string> HelloGraph(ExecutionContext<string> ctx);
}

/// <summary>The program's JSON metadata (camelCase, as web APIs write it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(GateInput))]
[JsonSerializable(typeof(GateItem))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
public sealed partial class TestJson : JsonSerializerContext
{
}
