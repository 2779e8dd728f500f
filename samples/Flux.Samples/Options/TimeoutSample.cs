namespace Flux.Samples;

/// <summary>A per-attempt timeout: work that takes longer than the limit is cancelled and the task fails clearly.</summary>
public static partial class TimeoutSample
{
    [Task(Timeout = "100ms")]
    public static async Task<string> SlowLookup(int workMilliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(workMilliseconds, cancellationToken);
        return $"looked up in {workMilliseconds}ms";
    }

    [Workflow(Name = "timeout_workflow")]
    public static async Task<string> Lookup(ExecutionContext<int> ctx) => await SlowLookupTask.Call(ctx.Input);

    internal static async Task RunAsync(string[] input, TextWriter output)
    {
        var work = SampleUsageException.ParseInt(input);
        var ctx = await LookupWorkflow.RunAsync(work);

        await output.WriteLineAsync($"the work takes {work}ms; the task allows 100ms per attempt");
        await EventReport.WriteAsync(ctx, "SlowLookup", output);
        await output.WriteLineAsync(ctx.HasSucceeded ? $"result: {ctx.Output}" : $"error: {ctx.Error!.InnerException?.Message ?? ctx.Error.Message}");
    }
}
