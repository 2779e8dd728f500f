using System.Collections.Generic;

namespace Flux.Shared.Graphs;

// Compiled into Flux.Runtime (TType = System.Type) and into the compiler parts (TType = ITypeSymbol). It must stay
// netstandard2.0-clean, internal, and free of Flux.Runtime and Roslyn types.

/// <summary>
/// What a graph's builder calls said, in call order, with the types of its tasks when they are known: the input of
/// <see cref="Validation.GraphValidation"/> and <see cref="GraphMermaid"/>. Indexes refer to the position of a call among the calls of
/// its kind (the n-th AddNode, the n-th AddEdge...), so that a caller can point at the call a violation concerns.
/// </summary>
/// <typeparam name="TType">How a type is represented: <c>System.Type</c> at run time, <c>ITypeSymbol</c> at compile time.</typeparam>
internal sealed class GraphShape<TType>
    where TType : class
{
    public GraphShape(
        string name,
        IReadOnlyList<GraphNodeShape<TType>> nodes,
        IReadOnlyList<GraphEdgeShape<TType>> edges,
        IReadOnlyList<string> starts,
        IReadOnlyList<string> ends)
    {
        Name = name;
        Nodes = nodes;
        Edges = edges;
        Starts = starts;
        Ends = ends;
    }

    /// <summary>The graph's name.</summary>
    public string Name { get; }

    /// <summary>The AddNode calls, in call order (a duplicate name appears twice).</summary>
    public IReadOnlyList<GraphNodeShape<TType>> Nodes { get; }

    /// <summary>The AddEdge calls, in call order.</summary>
    public IReadOnlyList<GraphEdgeShape<TType>> Edges { get; }

    /// <summary>The node names given to StartWith, in call order (repeats are harmless).</summary>
    public IReadOnlyList<string> Starts { get; }

    /// <summary>The node names given to EndWith, in call order (repeats are harmless).</summary>
    public IReadOnlyList<string> Ends { get; }
}

/// <summary>One AddNode call: the node's name and, when known, its task's parameter and result types.</summary>
internal sealed class GraphNodeShape<TType>
    where TType : class
{
    public GraphNodeShape(string name, IReadOnlyList<TType>? parameterTypes, TType? resultType)
    {
        Name = name;
        ParameterTypes = parameterTypes;
        ResultType = resultType;
    }

    /// <summary>The node's name.</summary>
    public string Name { get; }

    /// <summary>The task's parameter types in order; null when unknown (type rules are then skipped for the node).</summary>
    public IReadOnlyList<TType>? ParameterTypes { get; }

    /// <summary>The task's result type; null when unknown.</summary>
    public TType? ResultType { get; }
}

/// <summary>One AddEdge call: from, to and the condition, if any.</summary>
internal sealed class GraphEdgeShape<TType>
    where TType : class
{
    public GraphEdgeShape(string from, string to, bool hasCondition, TType? conditionType, string? conditionDescription)
    {
        From = from;
        To = to;
        HasCondition = hasCondition;
        ConditionType = conditionType;
        ConditionDescription = conditionDescription;
    }

    /// <summary>The upstream node's name.</summary>
    public string From { get; }

    /// <summary>The downstream node's name.</summary>
    public string To { get; }

    /// <summary>True when the edge has a condition.</summary>
    public bool HasCondition { get; }

    /// <summary>The condition's parameter type; null when there is no condition or it is unknown.</summary>
    public TType? ConditionType { get; }

    /// <summary>How the condition reads in source (its lambda text), for diagrams; null when unknown.</summary>
    public string? ConditionDescription { get; }
}
