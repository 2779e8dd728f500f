namespace Flux.Samples;

/// <summary>A cache: an expensive lookup runs once per distinct argument, for as long as the cache the runs share lives.</summary>
public static partial class CacheSample
{
    private static int s_bodyRuns;

    [Task(Cache = true)]
    public static string ExpensiveLookup(string key)
    {
        Interlocked.Increment(ref s_bodyRuns);
        return key.ToUpperInvariant();
    }

    [Workflow(Name = "cache_workflow")]
    public static async Task<string[]> LookupAll(ExecutionContext<string[]> ctx)
    {
        var results = new List<string>();
        foreach (var key in ctx.Input)
        {
            results.Add(await ExpensiveLookupTask.Call(key));
        }

        return [.. results];
    }

    internal static async Task RunAsync(string[] input, TextWriter output)
    {
        if (input.Length == 0)
        {
            throw new SampleUsageException("expected one or more keys");
        }

        // The cache is an object its owner scopes and clears (a host would keep one); both runs share this one.
        var cache = new TaskCache();
        var options = new RunOptions { Cache = cache };
        Interlocked.Exchange(ref s_bodyRuns, 0);
        var first = await LookupAllWorkflow.RunAsync(input, options);
        var afterFirst = s_bodyRuns;
        var second = await LookupAllWorkflow.RunAsync(input, options);

        await output.WriteLineAsync($"first run: {string.Join(' ', first.GetOutputOrThrow())} (body ran {afterFirst} time(s) for {input.Length} call(s))");
        await output.WriteLineAsync($"second run: {string.Join(' ', second.GetOutputOrThrow())} (body ran {s_bodyRuns - afterFirst} more time(s))");
        await output.WriteLineAsync(
            $"events of the second run: {second.Events.Count(e => e.Type == ExecutionEventType.TaskStarted)} started, " +
            $"{second.Events.Count(e => e.Type == ExecutionEventType.TaskCompleted)} completed");
    }
}
