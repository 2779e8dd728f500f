namespace Flux;

/// <summary>
/// A run of a valid graph could not produce a result: it reached no end node or more than one, or an edge's
/// condition threw (the original exception is <see cref="Exception.InnerException"/>). A failing node fails the
/// run with that node's own exception instead.
/// </summary>
public sealed class GraphRunException : FluxException
{
    /// <summary>Creates the exception.</summary>
    public GraphRunException(string graphName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        GraphName = graphName;
    }

    /// <summary>The graph's name.</summary>
    public string GraphName { get; }
}
