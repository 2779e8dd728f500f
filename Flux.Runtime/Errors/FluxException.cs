namespace Flux;

/// <summary>The base of the exceptions Flux throws for a workflow's own failures.</summary>
public class FluxException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FluxException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
