using System.Text.RegularExpressions;

namespace Flux.Orleans.Tests;

/// <summary>What the tests check of a stored log: nothing missing or doubled.</summary>
public static partial class LogChecks
{
    /// <summary>Reads the whole log and checks its sequence numbers are 1, 2, 3... with no gap or repeat.</summary>
    public static async Task<StoredEvent[]> ReadContiguousAsync(IExecutionStore store, string executionId)
    {
        var events = await store.ReadEventsAsync(executionId).ToArrayAsync();
        Assert.That(events.Select(static e => e.Sequence), Is.EqualTo(Enumerable.Range(1, events.Length).Select(static n => (long)n)), "sequence numbers are contiguous");
        var record = await store.GetAsync(executionId);
        Assert.That(record!.LastSequence, Is.EqualTo(events.Length), "the summary's last sequence is the log's end");
        return events;
    }

    /// <summary>The Map item index of a call id (<c>map:{task}[k]/...</c>), or null for another call.</summary>
    public static int? MapItem(string? callId) =>
        callId is not null && MapItemPattern().Match(callId) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Checks that every item of a Map of <paramref name="count"/> items has exactly one TaskStarted and one TaskCompleted.</summary>
    public static void OneStartAndOneCompletionPerItem(StoredEvent[] events, int count)
    {
        foreach (var type in new[] { ExecutionEventType.TaskStarted, ExecutionEventType.TaskCompleted })
        {
            var perItem = events.Where(e => e.Type == type && MapItem(e.CallId) is not null).GroupBy(static e => MapItem(e.CallId)!.Value).ToArray();
            Assert.That(perItem.Select(static g => g.Key).Order(), Is.EqualTo(Enumerable.Range(0, count)), $"every item has its {type}");
            Assert.That(perItem.Where(static g => g.Count() != 1).Select(static g => g.Key), Is.Empty, $"no item has two {type} events");
        }

        Assert.That(events.Count(static e => e.Type == ExecutionEventType.WorkflowStarted), Is.EqualTo(1));
        Assert.That(events.Count(static e => e.Type == ExecutionEventType.WorkflowCompleted), Is.EqualTo(1));
        Assert.That(events[^1].Type, Is.EqualTo(ExecutionEventType.WorkflowCompleted), "nothing after the end");
    }

    [GeneratedRegex(@"^map:Touch\[(\d+)\]/")]
    private static partial Regex MapItemPattern();
}
