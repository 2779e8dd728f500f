namespace Flux;

/// <summary>
/// An exception that was thrown elsewhere and is known by its record only: a failure replayed from a durable log, or
/// one that happened in another process (a task body run by a <see cref="ITaskDispatcher"/>). It carries the original
/// type's name (<see cref="TypeName"/>), message and stack trace as text, and its inner exceptions in the same form.
/// </summary>
public class RecordedFailureException : Exception
{
    /// <summary>Creates the exception from its record.</summary>
    /// <param name="failure">The recorded failure.</param>
    public RecordedFailureException(RecordedFailure failure)
        : base((failure ?? throw new ArgumentNullException(nameof(failure))).Message, failure.Inner.Count > 0 ? new RecordedFailureException(failure.Inner[0]) : null)
    {
        Failure = failure;
    }

    /// <summary>The record of the original exception.</summary>
    public RecordedFailure Failure { get; }

    /// <summary>The original exception's full type name, such as <c>System.InvalidOperationException</c>.</summary>
    public string TypeName => Failure.Type;

    /// <summary>The original exception's stack trace, as recorded.</summary>
    public override string? StackTrace => Failure.StackTrace;

    /// <inheritdoc/>
    public override string ToString() => Failure.StackTrace is { Length: > 0 } stack ? $"{TypeName}: {Message}{Environment.NewLine}{stack}" : $"{TypeName}: {Message}";
}
