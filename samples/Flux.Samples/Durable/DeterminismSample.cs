using System.Globalization;

namespace Flux.Samples;

/// <summary>
/// The deterministic built-ins: the clock, a new GUID and a random number are recorded calls, so a resumed execution
/// (whose body runs again from the top) sees the values of the first pass, and branches on them the same way.
/// </summary>
public static partial class DeterminismSample
{
    [Workflow(Name = "determinism")]
    public static async Task<string> Draw(ExecutionContext<string> ctx)
    {
        var now = await Workflow.Now();
        var id = await Workflow.NewGuid();
        var roll = await Workflow.Random();
        await Workflow.Sleep(TimeSpan.FromMilliseconds(20));
        var branch = roll < 0.5 ? "heads" : "tails";
        await Workflow.Pause<string>("look");
        return $"now={now.ToString("O", CultureInfo.InvariantCulture)} guid={id} random={roll.ToString("R", CultureInfo.InvariantCulture)} branch={branch}";
    }

    internal static async Task RunAsync(string[] input, TextWriter output)
    {
        var name = SampleUsageException.Single(input);
        await using var durable = new DurableSampleStore();
        var paused = await DrawWorkflow.RunAsync(name, durable.Options("draw-1"));
        await output.WriteLineAsync($"first pass recorded (then paused at '{paused.PausedAt}'):");
        var recorded = new Dictionary<string, string>();
        foreach (var builtin in new[] { "flux:now", "flux:guid", "flux:random" })
        {
            recorded[builtin] = (await durable.PayloadAsync("draw-1", ExecutionEventType.TaskCompleted, builtin))!;
            await output.WriteLineAsync($"  {builtin,-12} {recorded[builtin]}");
        }

        var sleep = await durable.PayloadAsync("draw-1", ExecutionEventType.TaskStarted, "flux:sleep");
        await output.WriteLineAsync($"  flux:sleep   waited 20 ms on this pass; its wake time is recorded: {(sleep!.Contains("\"wakeAt\"", StringComparison.Ordinal) ? "yes" : "no")}");

        var done = await DrawWorkflow.ResumeAsync("draw-1", "seen", durable.Options());
        await output.WriteLineAsync($"second pass (the resumed body ran again from the top) saw: {done.Output}");
        var now = System.Text.Json.JsonSerializer.Deserialize(recorded["flux:now"], DurableSampleJson.Default.DateTimeOffset);
        var guid = System.Text.Json.JsonSerializer.Deserialize(recorded["flux:guid"], DurableSampleJson.Default.Guid);
        var roll = System.Text.Json.JsonSerializer.Deserialize(recorded["flux:random"], DurableSampleJson.Default.Double);
        var same = done.Output!.Contains($"now={now.ToString("O", CultureInfo.InvariantCulture)} guid={guid} random={roll.ToString("R", CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
        await output.WriteLineAsync($"the built-ins replayed their first values: {(same ? "yes" : "no")}; the sleep was not waited again");
    }
}
