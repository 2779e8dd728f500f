namespace Flux;

/// <summary>An edge of a graph: the output of <see cref="From"/> goes to <see cref="To"/>, when its condition (if any) holds.</summary>
public sealed class GraphEdge
{
    internal GraphEdge(string from, string to, GraphCondition? condition)
    {
        From = from;
        To = to;
        Condition = condition;
    }

    /// <summary>The upstream node's name.</summary>
    public string From { get; }

    /// <summary>The downstream node's name.</summary>
    public string To { get; }

    /// <summary>True when the edge has a condition.</summary>
    public bool IsConditional => Condition is not null;

    /// <summary>The condition's source text (as written at the <c>AddEdge</c> call); null for an edge without condition.</summary>
    public string? ConditionDescription => Condition?.Description;

    internal GraphCondition? Condition { get; }

    /// <inheritdoc/>
    public override string ToString() => IsConditional ? $"{From} -> {To} when {ConditionDescription}" : $"{From} -> {To}";
}
