namespace Flux.Samples;

/// <summary>
/// The seed's "Basic Graph" written with attributes: the generator writes the body (get_name, then say_hello) and the
/// diagram. It reuses the tasks of the fluent version (<see cref="GraphSample"/>) and of <see cref="ParallelSample"/>.
/// </summary>
public static partial class DeclarativeGraphSample
{
    [Workflow(Name = "declarative_graph_workflow")]
    [Node("get_name", nameof(GraphSample.GetName), DeclaredIn = typeof(GraphSample))]
    [Node("say_hello", nameof(ParallelSample.SayHello), DeclaredIn = typeof(ParallelSample))]
    [Edge("get_name", "say_hello")]
    [StartWith("get_name")]
    [EndWith("say_hello")]
    public static partial Task<string> Hello(ExecutionContext<string> ctx);

    internal static async Task RunAsync(string[] input, TextWriter output) =>
        await output.WriteLineAsync(await HelloWorkflow.RunOrThrowAsync(SampleUsageException.Single(input)));
}
