namespace Flux.Stores.Tests.Contract;

/// <summary>Builders for the records the contract tests store: fixed times, never the clock.</summary>
internal static class TestData
{
    /// <summary>A fixed instant with odd ticks, so a store that rounds to milliseconds or microseconds is caught.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero).AddTicks(5_358_979);

    public static ExecutionRecord Execution(
        string id,
        string workflow = "order_workflow",
        DateTimeOffset? createdAt = null,
        ExecutionState state = ExecutionState.Running,
        string? parent = null) => new()
    {
        ExecutionId = id,
        WorkflowName = workflow,
        State = state,
        CreatedAt = createdAt ?? T0,
        UpdatedAt = createdAt ?? T0,
        ParentExecutionId = parent,
        ParentCallId = parent is null ? null : $"child_{id}",
    };

    public static StoredEvent Event(long sequence, ExecutionEventType type = ExecutionEventType.TaskCompleted, string? callId = null, byte[]? payload = null, DateTimeOffset? time = null) =>
        new(sequence, type, time ?? T0.AddTicks(sequence), callId ?? $"task_{sequence:x16}", "task", payload ?? Json($"{{\"n\":{sequence}}}"));

    public static StoredEvent[] Events(long first, int count, string tag = "x") =>
        Enumerable.Range(0, count)
            .Select(i => new StoredEvent(first + i, ExecutionEventType.TaskCompleted, T0.AddTicks(first + i), $"{tag}_{first + i}", "task", Json($"\"{tag}:{first + i}\"")))
            .ToArray();

    public static StoredEvent Started(DateTimeOffset? time = null) =>
        new(1, ExecutionEventType.WorkflowStarted, time ?? T0, null, "order_workflow", Json("{\"order\":42}"));

    public static byte[] Json(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static ExecutionUpdate Finished(ExecutionState state, DateTimeOffset at) => new()
    {
        State = state,
        UpdatedAt = at,
        FinishedAt = at,
        Output = state == ExecutionState.Succeeded ? Json("\"done\"") : null,
        ErrorType = state == ExecutionState.Failed ? "System.InvalidOperationException" : null,
        ErrorMessage = state == ExecutionState.Failed ? "boom" : null,
    };

    /// <summary>Whether two summaries are equal, comparing the output's bytes rather than the array's identity.</summary>
    public static bool SameRecord(ExecutionRecord? a, ExecutionRecord? b) =>
        a is null || b is null
            ? a == b
            : a with { Output = null } == b with { Output = null } && (a.Output ?? []).AsSpan().SequenceEqual(b.Output ?? []) && (a.Output is null) == (b.Output is null);

    /// <summary>Reads an execution's whole log (or what follows <paramref name="after"/>).</summary>
    public static async Task<List<StoredEvent>> ReadAll(this IExecutionStore store, string id, long after = 0)
    {
        var list = new List<StoredEvent>();
        await foreach (var e in store.ReadEventsAsync(id, after))
        {
            list.Add(e);
        }

        return list;
    }

    /// <summary>Every page of a query, following continuation tokens.</summary>
    public static async Task<List<ExecutionPage>> AllPages(this IExecutionStore store, ExecutionQuery query)
    {
        var pages = new List<ExecutionPage>();
        var next = query;
        while (true)
        {
            var page = await store.QueryAsync(next);
            pages.Add(page);
            if (page.ContinuationToken is null)
            {
                return pages;
            }

            next = query with { ContinuationToken = page.ContinuationToken };
        }
    }
}
