using System;
using System.Collections.Generic;
using System.Linq;
using Orleans;

namespace Flux.Orleans;

/// <summary>
/// An exception as it crosses the cluster: its type's name, message, stack and inner exceptions. The shape of a
/// recorded failure in the durable log, so the engine can store it as it is and rethrow it in the same shape.
/// </summary>
/// <param name="Type">The exception's full type name.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="StackTrace">The stack trace where it was thrown, as text; null when it was never thrown.</param>
/// <param name="Inner">The inner exceptions: one for a plain exception with an inner one, all of an <see cref="AggregateException"/>.</param>
[GenerateSerializer, Immutable, Alias("flux.TaskFailureInfo")]
public sealed record TaskFailureInfo(
    [property: Id(0)] string Type,
    [property: Id(1)] string Message,
    [property: Id(2)] string? StackTrace,
    [property: Id(3)] IReadOnlyList<TaskFailureInfo> Inner)
{
    /// <summary>Describes <paramref name="error"/> and its inner exceptions.</summary>
    public static TaskFailureInfo From(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<TaskFailureInfo> inner = error switch
        {
            AggregateException aggregate => aggregate.InnerExceptions.Select(From).ToArray(),
            { InnerException: { } one } => new[] { From(one) },
            _ => Array.Empty<TaskFailureInfo>(),
        };
        return new TaskFailureInfo(error.GetType().FullName ?? error.GetType().Name, error.Message, error.StackTrace, inner);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Type}: {Message}";
}
