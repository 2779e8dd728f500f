using System.Text.Json;

namespace Flux;

/// <summary>What a sleep was asked for: its duration (which its id hashes) and, once it started, when it wakes.</summary>
internal sealed class SleepRequest(TimeSpan duration)
{
    public TimeSpan Duration { get; } = duration;

    /// <summary>When the sleep wakes: set when the call starts (its TaskStarted records it).</summary>
    public DateTimeOffset? WakeAt { get; set; }

    public DateTimeOffset EnsureWake(TimeProvider clock) => WakeAt ??= clock.GetUtcNow() + Duration;
}

/// <summary>
/// <c>Workflow.Sleep(duration)</c>: a durable timer. Its TaskStarted records when it wakes; a run resumed after a restart
/// finds the sleep started and not finished, and waits only what is left until that time (nothing if it has passed).
/// While it waits, a durable execution's <see cref="ExecutionRecord.WakeAt"/> says when, so that a host can find due timers.
/// </summary>
internal sealed class SleepTask() : BuiltinTask<SleepRequest, ValueTuple>(TaskName, typeof(TimeSpan))
{
    public const string TaskName = "flux:sleep";

    public static SleepTask Instance { get; } = new();

    protected override void WriteFingerprint(ref FingerprintWriter writer, SleepRequest arguments) => writer.Write(arguments.Duration);

    internal override void WriteArguments(Utf8JsonWriter writer, SleepRequest arguments, TaskJson json)
    {
        writer.WriteStartArray();
        JsonSerializer.Serialize(writer, arguments.Duration, BuiltinJson.Default.TimeSpan);
        writer.WriteEndArray();
    }

    internal override void WriteStartedExtras(Utf8JsonWriter writer, SleepRequest arguments) =>
        writer.WriteString("wakeAt", arguments.EnsureWake(ExecutionContext.Current?.TimeProvider ?? TimeProvider.System));

    protected override SleepRequest ConvertArguments(ReadOnlySpan<object?> arguments) => new((TimeSpan)arguments[0]!);

    protected override async ValueTask<ValueTuple> InvokeAsync(SleepRequest arguments, CancellationToken cancellationToken)
    {
        var call = Scope.Current as CallScope;
        var execution = call?.Execution;
        var clock = execution?.TimeProvider ?? TimeProvider.System;
        var wake = RecordedWake(call) ?? arguments.EnsureWake(clock);
        if (execution is not null)
        {
            await execution.AddWakeAsync(wake).ConfigureAwait(false);
        }

        try
        {
            var left = wake - clock.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, clock, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            execution?.RemoveWake(wake);
        }

        return default;
    }

    /// <summary>When a sleep that started in an earlier run (and did not finish) wakes, as its TaskStarted recorded it.</summary>
    private static DateTimeOffset? RecordedWake(CallScope? call) => call?.RecordedStart switch
    {
        { StartedValue: SleepRequest { WakeAt: { } wake } } => wake,
        { StartedPayload: { } json } => PayloadJson.ReadDateTimeOffset(json, "wakeAt"u8),
        _ => null,
    };
}
