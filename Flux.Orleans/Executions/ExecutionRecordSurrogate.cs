using System;
using Orleans;

namespace Flux.Orleans;

/// <summary>
/// How Orleans carries a core <see cref="ExecutionRecord"/> (which lives in the Flux package and knows nothing of
/// Orleans): field by field, each with a stable id. A test checks that every property of the record has a field here.
/// </summary>
[GenerateSerializer, Alias("flux.ExecutionRecord")]
internal struct ExecutionRecordSurrogate
{
    [Id(0)] public string ExecutionId;
    [Id(1)] public string WorkflowName;
    [Id(2)] public int State;
    [Id(3)] public DateTimeOffset CreatedAt;
    [Id(4)] public DateTimeOffset UpdatedAt;
    [Id(5)] public DateTimeOffset? FinishedAt;
    [Id(6)] public string? ParentExecutionId;
    [Id(7)] public string? ParentCallId;
    [Id(8)] public byte[]? Output;
    [Id(9)] public string? ErrorType;
    [Id(10)] public string? ErrorMessage;
    [Id(11)] public string? PausedAt;
    [Id(12)] public DateTimeOffset? WakeAt;
    [Id(13)] public string? Owner;
    [Id(14)] public DateTimeOffset? LeaseExpiresAt;
    [Id(15)] public DateTimeOffset? CancelRequestedAt;
    [Id(16)] public long Version;
    [Id(17)] public long LastSequence;
}

/// <summary>Converts between <see cref="ExecutionRecord"/> and its surrogate; Orleans finds it by <see cref="RegisterConverterAttribute"/>.</summary>
[RegisterConverter]
internal sealed class ExecutionRecordSurrogateConverter : IConverter<ExecutionRecord, ExecutionRecordSurrogate>
{
    public ExecutionRecord ConvertFromSurrogate(in ExecutionRecordSurrogate surrogate) => new()
    {
        ExecutionId = surrogate.ExecutionId,
        WorkflowName = surrogate.WorkflowName,
        State = (ExecutionState)surrogate.State,
        CreatedAt = surrogate.CreatedAt,
        UpdatedAt = surrogate.UpdatedAt,
        FinishedAt = surrogate.FinishedAt,
        ParentExecutionId = surrogate.ParentExecutionId,
        ParentCallId = surrogate.ParentCallId,
        Output = surrogate.Output,
        ErrorType = surrogate.ErrorType,
        ErrorMessage = surrogate.ErrorMessage,
        PausedAt = surrogate.PausedAt,
        WakeAt = surrogate.WakeAt,
        Owner = surrogate.Owner,
        LeaseExpiresAt = surrogate.LeaseExpiresAt,
        CancelRequestedAt = surrogate.CancelRequestedAt,
        Version = surrogate.Version,
        LastSequence = surrogate.LastSequence,
    };

    public ExecutionRecordSurrogate ConvertToSurrogate(in ExecutionRecord value) => new()
    {
        ExecutionId = value.ExecutionId,
        WorkflowName = value.WorkflowName,
        State = (int)value.State,
        CreatedAt = value.CreatedAt,
        UpdatedAt = value.UpdatedAt,
        FinishedAt = value.FinishedAt,
        ParentExecutionId = value.ParentExecutionId,
        ParentCallId = value.ParentCallId,
        Output = value.Output,
        ErrorType = value.ErrorType,
        ErrorMessage = value.ErrorMessage,
        PausedAt = value.PausedAt,
        WakeAt = value.WakeAt,
        Owner = value.Owner,
        LeaseExpiresAt = value.LeaseExpiresAt,
        CancelRequestedAt = value.CancelRequestedAt,
        Version = value.Version,
        LastSequence = value.LastSequence,
    };
}
