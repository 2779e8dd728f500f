namespace Flux.Samples;

/// <summary>The seed's "Using the Parallel Task": three greetings at once.</summary>
public static partial class ParallelSample
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
    public static async Task<string[]> Greet(ExecutionContext<string> ctx) =>
        await Workflow.Parallel(
            SayHiTask.Call(ctx.Input),
            SayHelloTask.Call(ctx.Input),
            SayHolaTask.Call(ctx.Input));

    internal static async Task RunAsync(string[] input, TextWriter output)
    {
        var greetings = await GreetWorkflow.RunOrThrowAsync(SampleUsageException.Single(input));
        foreach (var greeting in greetings)
        {
            await output.WriteLineAsync(greeting);
        }
    }
}
