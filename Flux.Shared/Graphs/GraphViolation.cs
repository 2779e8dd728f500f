using System.Collections.Generic;
using Flux.Shared.Diagnostics;

namespace Flux.Shared.Graphs;

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

/// <summary>One broken rule: the diagnostic (code and message format), its arguments, the message, and the call it concerns.</summary>
internal sealed class GraphViolation
{
    public GraphViolation(FluxDiagnostic diagnostic, IReadOnlyList<string> arguments, GraphViolationTarget target, int index)
    {
        Diagnostic = diagnostic;
        Arguments = arguments;
        Message = diagnostic.Format(arguments);
        Target = target;
        Index = index;
    }

    /// <summary>The entry of the diagnostic table the violation reports.</summary>
    public FluxDiagnostic Diagnostic { get; }

    /// <summary>The rule's code, FLUX001-FLUX010.</summary>
    public string Code => Diagnostic.Id;

    /// <summary>The arguments of the message format of <see cref="Diagnostic"/>.</summary>
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
