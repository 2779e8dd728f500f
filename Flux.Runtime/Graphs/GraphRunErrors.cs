namespace Flux;

/// <summary>
/// The failures of a graph run that are the graph's own (not a node's), with their messages, in one place for both
/// executors: the fluent <see cref="GraphRun"/> and the declared graph's <see cref="Generated.DeclaredGraphRun"/>.
/// </summary>
internal static class GraphRunErrors
{
    /// <summary>The run reached none of its end nodes: every one was skipped.</summary>
    public static GraphRunException NoEndNode(string graph, IReadOnlyList<string> skipped) => new(
        graph,
        $"Graph '{graph}' reached no end node: {Quote(skipped)} {(skipped.Count == 1 ? "was" : "were")} skipped because a condition on the way was false. Make sure every run reaches an end node, e.g. add an edge with the opposite condition to another end node.");

    /// <summary>The run reached several end nodes, but a run has one result.</summary>
    public static GraphRunException SeveralEndNodes(string graph, IReadOnlyList<string> ran) => new(
        graph,
        $"Graph '{graph}' reached {ran.Count} end nodes ({Quote(ran)}), but a run has one result: make the conditions in front of these end nodes exclusive, or join them into one end node.");

    /// <summary>The condition on an edge threw.</summary>
    public static GraphRunException ConditionThrew(string graph, string from, string to, string? condition, Exception error) => new(
        graph,
        $"Graph '{graph}': the condition on edge '{from}' -> '{to}' ({condition}) threw {error.GetType().Name}: {error.Message}",
        error);

    /// <summary>The router on the edges out of a node threw.</summary>
    public static GraphRunException RouterThrew(string graph, string from, string? router, Exception error) => new(
        graph,
        $"Graph '{graph}': the router on the edges out of '{from}' ({router}) threw {error.GetType().Name}: {error.Message}",
        error);

    /// <summary>Throws unless exactly one of the end nodes ran.</summary>
    /// <param name="graph">The graph's name.</param>
    /// <param name="endNodes">The end nodes, in the order they were marked.</param>
    /// <param name="ran">Whether each end node ran, in the same order.</param>
    public static void ThrowUnlessOneEndNodeRan(string graph, IReadOnlyList<string> endNodes, ReadOnlySpan<bool> ran)
    {
        var count = 0;
        foreach (var r in ran)
        {
            count += r ? 1 : 0;
        }

        if (count == 1)
        {
            return;
        }

        var names = new List<string>();
        for (var i = 0; i < endNodes.Count; i++)
        {
            if (ran[i] == (count > 1))
            {
                names.Add(endNodes[i]);
            }
        }

        throw count == 0 ? NoEndNode(graph, names) : SeveralEndNodes(graph, names);
    }

    private static string Quote(IReadOnlyList<string> names) => string.Join(", ", names.Select(name => $"'{name}'"));
}
