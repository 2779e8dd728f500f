namespace Flux;

/// <summary>
/// An exception as a durable log stores it: its type's full name, message, stack trace as text and inner exceptions in
/// the same form. A replayed failure is thrown again from it (see <see cref="RecordedFailureException"/>), with the
/// original type name and message.
/// </summary>
/// <param name="Type">The exception's full type name.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="StackTrace">Where it was thrown, as text; null when it was never thrown.</param>
/// <param name="Inner">Its inner exceptions: one for an exception with an inner one, every one of an <see cref="AggregateException"/>; for a <see cref="TaskFailedException"/>, the original failure, then the fallback's and the rollback's if they failed too.</param>
public sealed record RecordedFailure(string Type, string Message, string? StackTrace, IReadOnlyList<RecordedFailure> Inner)
{
    /// <summary>Records <paramref name="error"/> and its inner exceptions. A <see cref="RecordedFailureException"/> gives its own record back.</summary>
    public static RecordedFailure From(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is RecordedFailureException recorded)
        {
            return recorded.Failure;
        }

        IReadOnlyList<RecordedFailure> inner = error switch
        {
            AggregateException aggregate => aggregate.InnerExceptions.Select(From).ToArray(),
            TaskFailedException { InnerException: { } original } failed =>
                new[] { original, failed.FallbackError, failed.RollbackError }.OfType<Exception>().Select(From).ToArray(),
            { InnerException: { } one } => [From(one)],
            _ => [],
        };
        return new RecordedFailure(error.GetType().FullName ?? error.GetType().Name, error.Message, error.StackTrace, inner);
    }

    /// <summary>The type's name without its namespace, as messages show it.</summary>
    public string ShortTypeName => Type.LastIndexOf('.') is var dot and >= 0 ? Type[(dot + 1)..] : Type;

    /// <inheritdoc/>
    public override string ToString() => $"{Type}: {Message}";
}
