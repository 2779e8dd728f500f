namespace Flux;

/// <summary>
/// A graph broke one of the graph rules (FLUX001-FLUX010), found when it was built and before any of its nodes ran.
/// <see cref="Code"/> is the rule's code, the same one the analyzer reports at compile time for a graph it can see,
/// and the message names the graph, the node(s) and the fix.
/// </summary>
public sealed class GraphValidationException : FluxException
{
    /// <summary>Creates the exception for the first broken rule; <paramref name="problems"/> lists every one, the first included.</summary>
    /// <param name="code">The rule's code, such as <c>FLUX002</c>.</param>
    /// <param name="graphName">The graph's name.</param>
    /// <param name="message">The message without the code.</param>
    /// <param name="problems">Every broken rule as <c>"FLUXnnn: message"</c>; null for just this one.</param>
    public GraphValidationException(string code, string graphName, string message, IReadOnlyList<string>? problems = null)
        : base(code + ": " + message)
    {
        Code = code;
        GraphName = graphName;
        Problems = problems ?? [code + ": " + message];
    }

    /// <summary>The code of the (first) broken rule, FLUX001-FLUX010.</summary>
    public string Code { get; }

    /// <summary>The graph's name.</summary>
    public string GraphName { get; }

    /// <summary>Every broken rule, in rule-code order, each as <c>"FLUXnnn: message"</c>; the first is this exception's message.</summary>
    public IReadOnlyList<string> Problems { get; }
}
