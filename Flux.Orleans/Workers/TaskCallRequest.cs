using System;
using Orleans;

namespace Flux.Orleans;

/// <summary>One task call's body as it travels to a worker: which task, its arguments, and the call's id.</summary>
/// <param name="TaskName">The task's name, as the generated catalog knows it.</param>
/// <param name="ArgumentsJson">The arguments as a UTF-8 JSON array, one element per parameter, in order.</param>
/// <param name="CallId">The call's stable id (its idempotency key); it names the call in errors.</param>
[GenerateSerializer, Immutable, Alias("flux.TaskCallRequest")]
internal sealed record TaskCallRequest(
    [property: Id(0)] string TaskName,
    [property: Id(1)] ReadOnlyMemory<byte> ArgumentsJson,
    [property: Id(2)] string CallId);
