using System.Collections.Concurrent;

namespace Flux.Samples;

/// <summary>Retries with backoff: a quote service that fails a given number of times before it answers.</summary>
public static partial class RetriesSample
{
    private static readonly ConcurrentDictionary<string, int> s_failuresLeft = new();

    [Task(Retries = 3, RetryDelay = "10ms", RetryBackoff = 2)]
    public static string FetchQuote(string symbol)
    {
        // Each attempt uses up one of the failures the sample was asked for.
        if (s_failuresLeft.AddOrUpdate(Workflow.Context!.ExecutionId, 0, (_, left) => left - 1) > 0)
        {
            throw new HttpRequestException("503 service unavailable");
        }

        return $"{symbol} 42.00";
    }

    [Workflow(Name = "retries_workflow")]
    public static async Task<string> Quote(ExecutionContext<string> ctx) => await FetchQuoteTask.Call(ctx.Input);

    internal static async Task RunAsync(string[] input, TextWriter output)
    {
        if (input.Length != 1 || !int.TryParse(input[0], out var failures) || failures < 0)
        {
            throw new SampleUsageException("expected how many times the service fails (0 or more)");
        }

        var executionId = Guid.NewGuid().ToString("N");
        s_failuresLeft[executionId] = failures + 1; // the first attempt takes one off before it checks
        var ctx = await QuoteWorkflow.RunAsync("FLUX", new RunOptions { ExecutionId = executionId });
        s_failuresLeft.TryRemove(executionId, out _);

        await output.WriteLineAsync($"the service fails {failures} time(s); the task allows 3 retries (10ms, then x2)");
        await EventReport.WriteAsync(ctx, "FetchQuote", output);
        await output.WriteLineAsync(ctx.HasSucceeded ? $"result: {ctx.Output}" : $"error: {ctx.Error!.Message}");
    }
}
