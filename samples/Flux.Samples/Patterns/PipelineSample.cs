namespace Flux.Samples;

/// <summary>The seed's "Using the Pipeline Task": each stage gets the previous result.</summary>
public static partial class PipelineSample
{
    [Task] public static int MultiplyByTwo(int x) => x * 2;

    [Task] public static int AddThree(int x) => x + 3;

    [Task] public static int Square(int x) => x * x;

    [Workflow(Name = "pipeline_workflow")]
    public static Task<int> Compute(ExecutionContext<int> ctx) =>
        Workflow.Pipeline(ctx.Input, MultiplyByTwoTask, AddThreeTask, SquareTask);

    internal static async Task RunAsync(string[] input, TextWriter output) =>
        await output.WriteLineAsync((await ComputeWorkflow.RunOrThrowAsync(SampleUsageException.ParseInt(input))).ToString());
}
