namespace Flux;

/// <summary>The base of the exceptions Flux throws for a workflow's own failures.</summary>
public class FluxException : Exception
{
    /// <summary>
    /// The key in <see cref="Exception.Data"/> under which Flux keeps the exception of a cancellation callback that threw
    /// while Flux cancelled the siblings of a failure (or what a finished run left running): it never replaces the
    /// failure that is thrown, and is not lost either.
    /// </summary>
    public const string CancellationCallbackErrorKey = "Flux.CancellationCallbackError";

    /// <summary>Creates the exception.</summary>
    public FluxException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
