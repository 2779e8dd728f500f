namespace Flux.Runtime.Tests.Design;

/// <summary>The examples of DESIGN.md sections 1 and 2, written as a user writes them, through the real generator.</summary>
public static partial class Greetings
{
    [Task] public static string SayHi(string name) => $"Hi, {name}";

    [Task]
    public static async Task<string> SayHello(string name)
    {
        await Task.Yield();
        return $"Hello, {name}";
    }

    [Task] public static ValueTask<string> SayHola(string name) => ValueTask.FromResult($"Hola, {name}");

    [Task] public static int Count(int to) => to;

    [Task] public static string Greet(string greeting, string name) => $"{greeting}, {name}";

    [Task] public static int MultiplyByTwo(int x) => x * 2;

    [Task] public static int AddThree(int x) => x + 3;

    [Task] public static int Square(int x) => x * x;

    [Task] public static string ProcessItem(string item) => item.ToUpperInvariant();

    [Task] public static string GetName(string input) => input;

    [Workflow]
    public static async Task<string[]> Parallel(ExecutionContext<string> ctx) =>
        await Workflow.Parallel(SayHiTask.Call(ctx.Input), SayHelloTask.Call(ctx.Input), SayHolaTask.Call(ctx.Input));

    [Workflow]
    public static async Task<string> Mixed(ExecutionContext<string> ctx)
    {
        (int a, string b) = await Workflow.Parallel((CountTask.Call(3), SayHiTask.Call("Ann")));
        string[] r = await Workflow.Parallel(SayHiTask.Call(ctx.Input), SayHelloTask.Call(ctx.Input));
        int y = await Workflow.Pipeline(5, MultiplyByTwoTask, AddThreeTask, SquareTask);
        string[] upper = await ProcessItemTask.Map(["a", "b"]);
        string[] greetings = await GreetTask.Map(greeting: "Hi", ["Ann", "Bo"]);
        string hello = await new Graph("hello_world")
            .AddNode("get_name", GetNameTask)
            .AddNode("say_hello", SayHelloTask)
            .AddEdge("get_name", "say_hello")
            .StartWith("get_name")
            .EndWith("say_hello")
            .RunAsync<string, string>(ctx.Input);
        return string.Join(" | ", [a.ToString(), b, .. r, y.ToString(), .. upper, .. greetings, hello]);
    }
}

public class DesignExampleTests
{
    [Test]
    public async Task Section_1_runs_as_written()
    {
        var ctx = await Greetings.ParallelWorkflow.RunAsync("Joe");

        Assert.That(ctx.Output, Is.EqualTo(new[] { "Hi, Joe", "Hello, Joe", "Hola, Joe" }));
        Assert.That(ctx.HasSucceeded, Is.True);
        Assert.That(ctx.Events.Count(e => e.Type == ExecutionEventType.TaskCompleted), Is.EqualTo(3));
    }

    [Test]
    public async Task Section_2_patterns_run_as_written()
    {
        var ctx = await Greetings.MixedWorkflow.RunAsync("Joe");

        Assert.That(ctx.GetOutputOrThrow(), Is.EqualTo("3 | Hi, Ann | Hi, Joe | Hello, Joe | 169 | A | B | Hi, Ann | Hi, Bo | Hello, Joe"));
    }

    [Test]
    public void The_catalog_lists_the_workflows_and_tasks_by_name()
    {
        Assert.That(FluxCatalog.WorkflowNames, Is.SupersetOf(new[] { "Parallel", "Mixed" }));
        Assert.That(FluxCatalog.TryGetWorkflow("Parallel", out var workflow), Is.True);
        Assert.That(workflow, Is.SameAs(Greetings.ParallelWorkflow));
        Assert.That(FluxCatalog.TryGetTask("SayHi", out var task), Is.True);
        Assert.That(task!.Name, Is.EqualTo("SayHi"));
    }
}
