using Flux.Samples;

namespace Flux.Samples.Tests;

/// <summary>Runs the task-option samples and checks the story each prints.</summary>
public class OptionSampleTests
{
    private static async Task<string[]> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await SampleRunner.RunAsync(args, output, error);
        Assert.That(exitCode, Is.Zero, error.ToString());
        return output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }

    [Test]
    public async Task Retries_wait_with_backoff_and_succeed_on_the_third_attempt()
    {
        var lines = await Run("retries", "2");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "the service fails 2 time(s); the task allows 3 retries (10ms, then x2)",
            "  FetchQuote: started with 'FLUX'",
            "  FetchQuote: attempt 0 failed (503 service unavailable); next attempt in 10ms",
            "  FetchQuote: attempt 1 started",
            "  FetchQuote: attempt 1 failed (503 service unavailable); next attempt in 20ms",
            "  FetchQuote: attempt 2 started",
            "  FetchQuote: attempt 2 succeeded",
            "  FetchQuote: completed with 'FLUX 42.00'",
            "result: FLUX 42.00",
        }));
    }

    [Test]
    public async Task Retries_give_up_after_the_last_attempt_and_name_the_task()
    {
        var lines = await Run("retries", "5");

        Assert.That(lines, Does.Contain("  FetchQuote: attempt 2 failed (503 service unavailable); next attempt in 40ms"));
        Assert.That(lines[^1], Does.StartWith("error: Task 'FetchQuote' failed after 4 attempts in workflow 'retries_workflow'")
            .And.EndWith("HttpRequestException: 503 service unavailable"));
    }

    [Test]
    public async Task Timeout_cancels_the_attempt_that_takes_too_long()
    {
        var lines = await Run("timeout", "60000");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "the work takes 60000ms; the task allows 100ms per attempt",
            "  SlowLookup: started with 60000",
            "  SlowLookup: timed out after 100ms",
            "  SlowLookup: failed",
            "error: Task 'SlowLookup' timed out after 00:00:00.1000000.",
        }));
    }

    [Test]
    public async Task Timeout_lets_quick_work_finish()
    {
        var lines = await Run("timeout", "0");

        Assert.That(lines[^1], Is.EqualTo("result: looked up in 0ms"));
    }

    [Test]
    public async Task Fallback_replaces_the_result_once_every_attempt_failed()
    {
        var lines = await Run("fallback", "BOOK-42");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "  LivePrice: started with 'BOOK-42'",
            "  LivePrice: attempt 0 failed (pricing service has no answer for BOOK-42); next attempt in 10ms",
            "  LivePrice: attempt 1 started",
            "  LivePrice: fallback started",
            "  LivePrice: fallback returned 8.75",
            "  LivePrice: completed with 8.75",
            "result: 8.75",
        }));
    }

    [Test]
    public async Task Rollback_compensates_the_failing_call_only_and_the_workflow_still_fails()
    {
        var lines = await Run("rollback", "order-7");

        Assert.That(lines[..^1], Is.EqualTo(new[]
        {
            "  ReserveStock: started with 'order-7'",
            "  ReserveStock: completed with 'stock reserved for order-7'",
            "  ChargeCard: started with 'order-7'",
            "  ChargeCard: rollback started",
            "  ChargeCard: rollback completed",
            "  ChargeCard: failed",
            "hold left on the card: no",
        }));
        Assert.That(lines[^1], Does.StartWith("error: Task 'ChargeCard' failed in workflow 'rollback_workflow'")
            .And.EndWith("InvalidOperationException: card declined after the hold was placed"));
    }

    [Test]
    public async Task Cache_runs_the_body_once_per_distinct_key_and_still_records_the_calls()
    {
        var lines = await Run("cache", "a", "b", "a");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "first run: A B A (body ran 2 time(s) for 3 call(s))",
            "second run: A B A (body ran 0 more time(s))",
            "events of the second run: 3 started, 3 completed",
        }));
    }
}
