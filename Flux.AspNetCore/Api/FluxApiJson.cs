using System.Text.Json.Serialization;

namespace Flux.AspNetCore;

/// <summary>
/// The API's own JSON: its answers are written with this metadata, not with the application's JSON options, so that
/// they look the same in every application (camelCase names, states and event types as strings) and need no reflection.
/// </summary>
[JsonSerializable(typeof(WorkflowInfo))]
[JsonSerializable(typeof(IReadOnlyList<WorkflowInfo>))]
[JsonSerializable(typeof(ExecutionInfo))]
[JsonSerializable(typeof(ExecutionList))]
[JsonSerializable(typeof(ExecutionEventInfo))]
[JsonSerializable(typeof(ExecutionEventPage))]
[JsonSerializable(typeof(CancelResult))]
internal sealed partial class FluxApiJson : JsonSerializerContext
{
}
