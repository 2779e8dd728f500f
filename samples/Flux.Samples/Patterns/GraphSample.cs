namespace Flux.Samples;

/// <summary>The seed's "Basic Graph": get_name -> say_hello (the greeting task of the parallel sample).</summary>
public static partial class GraphSample
{
    [Task] public static string GetName(string input) => input;

    [Workflow(Name = "graph_workflow")]
    public static async Task<string> Hello(ExecutionContext<string> ctx) =>
        await new Graph("hello_world")
            .AddNode("get_name", GetNameTask)
            .AddNode("say_hello", ParallelSample.SayHelloTask)
            .AddEdge("get_name", "say_hello")
            .StartWith("get_name")
            .EndWith("say_hello")
            .RunAsync<string, string>(ctx.Input);

    internal static async Task RunAsync(string[] input, TextWriter output) =>
        await output.WriteLineAsync(await HelloWorkflow.RunOrThrowAsync(SampleUsageException.Single(input)));
}
