using System.Globalization;

namespace Flux.Samples;

/// <summary>Turns a task's events into the lines the option samples print: what happened, step by step.</summary>
internal static class EventReport
{
    public static IEnumerable<string> Describe(ExecutionContext ctx, string taskName)
    {
        foreach (var e in ctx.Events.Where(e => e.IsTaskEvent && e.Name == taskName))
        {
            var line = e.Type switch
            {
                ExecutionEventType.TaskStarted => $"started with {Format(e.Value)}",
                ExecutionEventType.TaskRetryFailed when e.Value is RetryInfo r =>
                    $"attempt {r.Attempt} failed ({r.Error?.Message}); next attempt in {Milliseconds(r.Delay)}",
                ExecutionEventType.TaskRetryStarted when e.Value is RetryInfo r => $"attempt {r.Attempt} started",
                ExecutionEventType.TaskRetryCompleted when e.Value is RetryInfo r => $"attempt {r.Attempt} succeeded",
                ExecutionEventType.TaskTimedOut => $"timed out after {Milliseconds((TimeSpan)e.Value!)}",
                ExecutionEventType.TaskFallbackStarted => "fallback started",
                ExecutionEventType.TaskFallbackCompleted => $"fallback returned {Format(e.Value)}",
                ExecutionEventType.TaskFallbackFailed => $"fallback failed ({((Exception)e.Value!).Message})",
                ExecutionEventType.TaskRollbackStarted => "rollback started",
                ExecutionEventType.TaskRollbackCompleted => "rollback completed",
                ExecutionEventType.TaskRollbackFailed => $"rollback failed ({((Exception)e.Value!).Message})",
                ExecutionEventType.TaskCompleted => $"completed with {Format(e.Value)}",
                ExecutionEventType.TaskFailed => "failed",
                ExecutionEventType.TaskCancelled => "cancelled",
                _ => e.Type.ToString(),
            };
            yield return $"  {taskName}: {line}";
        }
    }

    public static async Task WriteAsync(ExecutionContext ctx, string taskName, TextWriter output)
    {
        foreach (var line in Describe(ctx, taskName))
        {
            await output.WriteLineAsync(line);
        }
    }

    private static string Milliseconds(TimeSpan delay) => $"{delay.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        System.Runtime.CompilerServices.ITuple t => "(" + string.Join(", ", Enumerable.Range(0, t.Length).Select(i => Format(t[i]))) + ")",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
