using System.Collections.Generic;

namespace Flux.Graphs.Rules;

/// <summary>Which builder call a <see cref="GraphViolation"/> concerns, so a caller can point at it.</summary>
internal enum GraphViolationTarget
{
    /// <summary>The graph as a whole (its creation).</summary>
    Graph,

    /// <summary>The <see cref="GraphViolation.Index"/>-th AddNode call.</summary>
    Node,

    /// <summary>The <see cref="GraphViolation.Index"/>-th AddEdge call, its upstream ("from") name.</summary>
    EdgeFrom,

    /// <summary>The <see cref="GraphViolation.Index"/>-th AddEdge call, its downstream ("to") name.</summary>
    EdgeTo,

    /// <summary>The <see cref="GraphViolation.Index"/>-th AddEdge call as a whole.</summary>
    Edge,

    /// <summary>The condition of the <see cref="GraphViolation.Index"/>-th AddEdge call.</summary>
    Condition,

    /// <summary>The <see cref="GraphViolation.Index"/>-th StartWith call.</summary>
    Start,

    /// <summary>The <see cref="GraphViolation.Index"/>-th EndWith call.</summary>
    End,
}

/// <summary>One broken rule: its code, the message arguments (as the diagnostic descriptor of the code takes them), the message, and the call it concerns.</summary>
internal sealed class GraphViolation
{
    public GraphViolation(string code, IReadOnlyList<string> arguments, string message, GraphViolationTarget target, int index)
    {
        Code = code;
        Arguments = arguments;
        Message = message;
        Target = target;
        Index = index;
    }

    /// <summary>The rule's code, FLUX001-FLUX010.</summary>
    public string Code { get; }

    /// <summary>The arguments of the message format of <see cref="Code"/> (see <see cref="GraphRules.MessageFormat"/>).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The message, without the code: names the graph, the node(s) and the fix.</summary>
    public string Message { get; }

    /// <summary>The kind of call the violation concerns.</summary>
    public GraphViolationTarget Target { get; }

    /// <summary>The index of that call among the calls of its kind; 0 for <see cref="GraphViolationTarget.Graph"/>.</summary>
    public int Index { get; }

    /// <inheritdoc/>
    public override string ToString() => Code + ": " + Message;
}
