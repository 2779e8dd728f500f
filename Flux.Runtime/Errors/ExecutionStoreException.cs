namespace Flux;

/// <summary>A store refused an operation or could not carry it out; the message names the execution and the store.</summary>
public class ExecutionStoreException : FluxException
{
    /// <summary>Creates the exception.</summary>
    public ExecutionStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>An execution with the same id is already stored.</summary>
public sealed class ExecutionAlreadyExistsException(string executionId)
    : ExecutionStoreException($"Execution '{executionId}' already exists in the store; use a new execution id, or resume the existing one.")
{
    /// <summary>The id that is taken.</summary>
    public string ExecutionId { get; } = executionId;
}

/// <summary>No execution with this id is stored.</summary>
public sealed class ExecutionNotFoundException(string executionId)
    : ExecutionStoreException($"Execution '{executionId}' is not in the store: check the id, or whether it was deleted by retention.")
{
    /// <summary>The id that was not found.</summary>
    public string ExecutionId { get; } = executionId;
}

/// <summary>
/// Appended events do not continue the stored log exactly (a gap, or a number already stored): usually another
/// process owns the execution now and wrote first.
/// </summary>
public sealed class EventSequenceException(string executionId, long expected, long actual)
    : ExecutionStoreException(
        $"Execution '{executionId}': expected event number {expected} next but was given {actual}; another owner may have written to this execution, so this one must stop.")
{
    /// <summary>The execution.</summary>
    public string ExecutionId { get; } = executionId;

    /// <summary>The number the store expected next.</summary>
    public long Expected { get; } = expected;

    /// <summary>The number it was given.</summary>
    public long Actual { get; } = actual;
}
