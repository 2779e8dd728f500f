using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flux.AspNetCore;

/// <summary>One event of an execution's log.</summary>
public sealed record ExecutionEventInfo
{
    /// <summary>Its number in the log: 1 for the first event, then consecutive.</summary>
    [JsonPropertyName("sequence")]
    public required long Sequence { get; init; }

    /// <summary>What happened.</summary>
    [JsonPropertyName("type")]
    [JsonConverter(typeof(JsonStringEnumConverter<ExecutionEventType>))]
    public required ExecutionEventType Type { get; init; }

    /// <summary>When it happened (UTC).</summary>
    [JsonPropertyName("time")]
    public required DateTimeOffset Time { get; init; }

    /// <summary>The id of the task call it belongs to; null for the workflow's own events.</summary>
    [JsonPropertyName("callId")]
    public string? CallId { get; init; }

    /// <summary>The task's name for a task event, the workflow's name for a workflow event.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The event's value (arguments, a result, a failure, a retry), as stored; null when it has none.</summary>
    [JsonPropertyName("payload")]
    public JsonElement? Payload { get; init; }

    /// <summary>The event as the API shows it.</summary>
    public static ExecutionEventInfo From(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new ExecutionEventInfo
        {
            Sequence = stored.Sequence,
            Type = stored.Type,
            Time = stored.Time,
            CallId = stored.CallId,
            Name = stored.Name,
            Payload = Payloads.Parse(stored.Payload),
        };
    }
}

/// <summary>A page of an execution's events.</summary>
/// <param name="Events">The events, in order.</param>
/// <param name="Next">Pass it as <c>after</c> to get the next page; null when this page ends the log (as stored now).</param>
public sealed record ExecutionEventPage(
    [property: JsonPropertyName("events")] IReadOnlyList<ExecutionEventInfo> Events,
    [property: JsonPropertyName("next")] long? Next);

/// <summary>A page of executions, newest first.</summary>
/// <param name="Executions">The executions.</param>
/// <param name="ContinuationToken">Pass it as <c>continuation</c> to get the next page; null on the last page.</param>
public sealed record ExecutionList(
    [property: JsonPropertyName("executions")] IReadOnlyList<ExecutionInfo> Executions,
    [property: JsonPropertyName("continuationToken")] string? ContinuationToken);
