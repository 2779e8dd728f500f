using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flux.AspNetCore;

/// <summary>An execution's summary: its state, output or error, pause, times and owner.</summary>
public sealed record ExecutionInfo
{
    /// <summary>The execution's id.</summary>
    [JsonPropertyName("executionId")]
    public required string ExecutionId { get; init; }

    /// <summary>The workflow's name.</summary>
    [JsonPropertyName("workflow")]
    public required string Workflow { get; init; }

    /// <summary>Where the execution is in its life cycle.</summary>
    [JsonPropertyName("state")]
    [JsonConverter(typeof(JsonStringEnumConverter<ExecutionState>))]
    public required ExecutionState State { get; init; }

    /// <summary>When it was created.</summary>
    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its summary last changed.</summary>
    [JsonPropertyName("updatedAt")]
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it succeeded, failed or was cancelled; null while it is not finished.</summary>
    [JsonPropertyName("finishedAt")]
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The output of a succeeded execution, as the workflow's JSON options wrote it.</summary>
    [JsonPropertyName("output")]
    public JsonElement? Output { get; init; }

    /// <summary>The failure of a failed execution.</summary>
    [JsonPropertyName("error")]
    public ExecutionError? Error { get; init; }

    /// <summary>The name of the pause a paused execution waits at.</summary>
    [JsonPropertyName("pausedAt")]
    public string? PausedAt { get; init; }

    /// <summary>When a durable timer of the execution is due, if it waits for one.</summary>
    [JsonPropertyName("wakeAt")]
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>Who runs it now (a process or silo id), or null.</summary>
    [JsonPropertyName("owner")]
    public string? Owner { get; init; }

    /// <summary>When someone asked for it to be cancelled, if anyone did.</summary>
    [JsonPropertyName("cancelRequestedAt")]
    public DateTimeOffset? CancelRequestedAt { get; init; }

    /// <summary>The execution that started this one as a child workflow, if any.</summary>
    [JsonPropertyName("parentExecutionId")]
    public string? ParentExecutionId { get; init; }

    /// <summary>The number of its last stored event: page or stream its events after it.</summary>
    [JsonPropertyName("lastSequence")]
    public long LastSequence { get; init; }

    /// <summary>The summary of a stored record.</summary>
    public static ExecutionInfo From(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ExecutionInfo
        {
            ExecutionId = record.ExecutionId,
            Workflow = record.WorkflowName,
            State = record.State,
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
            FinishedAt = record.FinishedAt,
            Output = Payloads.Parse(record.Output),
            Error = record.ErrorType is null && record.ErrorMessage is null ? null : new ExecutionError(record.ErrorType ?? "", record.ErrorMessage ?? ""),
            PausedAt = record.PausedAt,
            WakeAt = record.WakeAt,
            Owner = record.Owner,
            CancelRequestedAt = record.CancelRequestedAt,
            ParentExecutionId = record.ParentExecutionId,
            LastSequence = record.LastSequence,
        };
    }
}

/// <summary>Why an execution failed: the exception's type and message (the full failure, with its stack, is the payload of its <c>WorkflowFailed</c> event).</summary>
/// <param name="Type">The exception's full type name.</param>
/// <param name="Message">Its message.</param>
public sealed record ExecutionError(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("message")] string Message);
