using Orleans;

namespace Flux.Orleans;

// The store's "already exists" and "not found" answers are part of the execution grain's contract, so they cross the
// cluster as themselves, with their ExecutionId, rather than as a generic exception. Their messages derive from the id.

/// <summary>How Orleans carries an <see cref="ExecutionAlreadyExistsException"/>.</summary>
[GenerateSerializer, Alias("flux.ExecutionAlreadyExistsException")]
internal struct ExecutionAlreadyExistsSurrogate
{
    [Id(0)] public string ExecutionId;
}

/// <summary>Converts an <see cref="ExecutionAlreadyExistsException"/> to its surrogate and back.</summary>
[RegisterConverter]
internal sealed class ExecutionAlreadyExistsConverter : IConverter<ExecutionAlreadyExistsException, ExecutionAlreadyExistsSurrogate>
{
    public ExecutionAlreadyExistsException ConvertFromSurrogate(in ExecutionAlreadyExistsSurrogate surrogate) => new(surrogate.ExecutionId);

    public ExecutionAlreadyExistsSurrogate ConvertToSurrogate(in ExecutionAlreadyExistsException value) => new() { ExecutionId = value.ExecutionId };
}

/// <summary>How Orleans carries an <see cref="ExecutionNotFoundException"/>.</summary>
[GenerateSerializer, Alias("flux.ExecutionNotFoundException")]
internal struct ExecutionNotFoundSurrogate
{
    [Id(0)] public string ExecutionId;
}

/// <summary>Converts an <see cref="ExecutionNotFoundException"/> to its surrogate and back.</summary>
[RegisterConverter]
internal sealed class ExecutionNotFoundConverter : IConverter<ExecutionNotFoundException, ExecutionNotFoundSurrogate>
{
    public ExecutionNotFoundException ConvertFromSurrogate(in ExecutionNotFoundSurrogate surrogate) => new(surrogate.ExecutionId);

    public ExecutionNotFoundSurrogate ConvertToSurrogate(in ExecutionNotFoundException value) => new() { ExecutionId = value.ExecutionId };
}

/// <summary>How Orleans carries an <see cref="ExecutionClaimException"/>: who owns the execution, and the message that says what to do.</summary>
[GenerateSerializer, Alias("flux.ExecutionClaimException")]
internal struct ExecutionClaimSurrogate
{
    [Id(0)] public string ExecutionId;
    [Id(1)] public string? Owner;
    [Id(2)] public System.DateTimeOffset? LeaseExpiresAt;
    [Id(3)] public string Message;
}

/// <summary>Converts an <see cref="ExecutionClaimException"/> to its surrogate and back.</summary>
[RegisterConverter]
internal sealed class ExecutionClaimConverter : IConverter<ExecutionClaimException, ExecutionClaimSurrogate>
{
    public ExecutionClaimException ConvertFromSurrogate(in ExecutionClaimSurrogate surrogate) =>
        new(surrogate.ExecutionId, surrogate.Owner, surrogate.LeaseExpiresAt, surrogate.Message);

    public ExecutionClaimSurrogate ConvertToSurrogate(in ExecutionClaimException value) =>
        new() { ExecutionId = value.ExecutionId, Owner = value.Owner, LeaseExpiresAt = value.LeaseExpiresAt, Message = value.Message };
}
