namespace Flux.Samples;

/// <summary>The seed's "Basic Task Mapping" and "Complex Mapping".</summary>
public static partial class MapSample
{
    [Task] public static string ProcessItem(string item) => item.ToUpperInvariant();

    [Workflow(Name = "mapping_workflow")]
    public static Task<string[]> Mapping(ExecutionContext<string[]> ctx) => ProcessItemTask.Map(ctx.Input);

    internal static async Task RunAsync(string[] input, TextWriter output) =>
        await output.WriteLineAsync(string.Join(' ', await MappingWorkflow.RunOrThrowAsync(input)));
}

/// <summary>The seed's "Complex Mapping": generate sequences in parallel, count them.</summary>
public static partial class TaskMapSample
{
    [Task] public static int[] Count(int to) => Enumerable.Range(0, to + 1).ToArray();

    [Workflow(Name = "task_map_workflow")]
    public static async Task<int> CountAll(ExecutionContext<int> ctx)
    {
        var results = await CountTask.Map(Enumerable.Range(0, ctx.Input));
        return results.Length;
    }

    internal static async Task RunAsync(string[] input, TextWriter output) =>
        await output.WriteLineAsync((await CountAllWorkflow.RunOrThrowAsync(SampleUsageException.ParseInt(input))).ToString());
}
