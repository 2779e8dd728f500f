using System.Text;

namespace Flux;

/// <summary>
/// One run of a graph, fluent (<see cref="GraphRun"/>) or declared (<see cref="Generated.DeclaredGraphRun"/>): node
/// <c>n</c>'s call of the n-th run of graph <c>G</c> in a scope is in slot <c>graph:G~n/n</c>, so a declared graph and
/// the same fluent graph give their calls the same ids.
/// </summary>
internal sealed class GraphScope : PatternScope
{
    private readonly string _graphName;
    private readonly IReadOnlyList<string> _nodes;

    /// <param name="graphName">The graph's name.</param>
    /// <param name="nameKey">The stable hash of the name (<see cref="ScopeKey.OfName"/>), for counting runs of the graph.</param>
    /// <param name="nodes">The name of each slot's node, by slot; for a declared run, the list it adds its nodes to.</param>
    /// <param name="cancellationToken">The caller's token, linked to the enclosing scope's.</param>
    public GraphScope(string graphName, ulong nameKey, IReadOnlyList<string> nodes, CancellationToken cancellationToken)
        : base(Current, ScopeKey.Child(ScopeKind.Graph, nameKey), records: true, timeout: null, cancellationToken)
    {
        _graphName = graphName;
        _nodes = nodes;
    }

    public string GraphName => _graphName;

    public override void AppendPrefix(StringBuilder text) =>
        throw new InvalidOperationException("A graph run is never the ambient scope: its calls are in its nodes.");

    public override void AppendSlotPrefix(StringBuilder text, int slot)
    {
        AppendRunPrefix(text, "graph:", _graphName);

        string node;
        if (_nodes is List<string> started)
        {
            // A declared run adds its nodes as it starts them.
            lock (started)
            {
                node = started[slot];
            }
        }
        else
        {
            node = _nodes[slot];
        }

        text.Append('/').Append(node).Append('/');
    }

    /// <summary>Keeps a throwing cancellation callback's exception with the first failure, once the run drained.</summary>
    public void Drained() => AttachCallbackError();
}
