using System.Collections.Generic;
using System.Linq;
using Flux.Shared.Graphs;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.DeclarativeGraphs;

/// <summary>
/// A declarative graph as its attributes say it, with the symbols behind it and every problem found in it: what
/// <see cref="DeclarativeGraphReader"/> returns. The generator wires a graph without problems; the analyzer reports them.
/// </summary>
internal sealed class DeclarativeGraph
{
    public DeclarativeGraph(IMethodSymbol method, string name)
    {
        Method = method;
        Name = name;
    }

    /// <summary>The workflow method the attributes are on.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The graph's name: the workflow's name.</summary>
    public string Name { get; }

    /// <summary>The <c>[Node]</c>s, in declaration order (one per attribute, also for a node that names no task).</summary>
    public List<DeclaredNode> Nodes { get; } = new List<DeclaredNode>();

    /// <summary>The <c>[Edge]</c>s, in declaration order.</summary>
    public List<DeclaredEdge> Edges { get; } = new List<DeclaredEdge>();

    /// <summary>The <c>[StartWith]</c>s.</summary>
    public List<DeclaredEnd> Starts { get; } = new List<DeclaredEnd>();

    /// <summary>The <c>[EndWith]</c>s.</summary>
    public List<DeclaredEnd> Ends { get; } = new List<DeclaredEnd>();

    /// <summary>The shape the shared graph rules judge and the Mermaid writer draws.</summary>
    public GraphShape<ITypeSymbol> Shape { get; private set; } = null!;

    /// <summary>Every problem, in code order; empty for a graph the generator can wire.</summary>
    public IReadOnlyList<DeclarationProblem> Problems { get; internal set; } = new DeclarationProblem[0];

    /// <summary>True when nothing is wrong.</summary>
    public bool IsValid => Problems.Count == 0;

    internal void Freeze() =>
        Shape = new GraphShape<ITypeSymbol>(
            Name,
            Nodes.Select(n => new GraphNodeShape<ITypeSymbol>(n.Name, n.ParameterTypes, n.ResultType)).ToList(),
            Edges.Select(e => new GraphEdgeShape<ITypeSymbol>(
                e.From,
                e.To,
                e.When is not null,
                e.Router is { Parameters.Length: 1 } router ? router.Parameters[0].Type : null,
                e.Label)).ToList(),
            Starts.Select(s => s.Node).ToList(),
            Ends.Select(s => s.Node).ToList());
}

/// <summary>One <c>[Node]</c>.</summary>
internal sealed class DeclaredNode
{
    public DeclaredNode(string name, string taskName, AttributeData attribute, IMethodSymbol? task, INamedTypeSymbol? declaredIn, IReadOnlyList<ITypeSymbol>? parameterTypes, ITypeSymbol? resultType)
    {
        Name = name;
        TaskName = taskName;
        Attribute = attribute;
        Task = task;
        DeclaredIn = declaredIn;
        ParameterTypes = parameterTypes;
        ResultType = resultType;
    }

    /// <summary>The node's name.</summary>
    public string Name { get; }

    /// <summary>The method the attribute names.</summary>
    public string TaskName { get; }

    public AttributeData Attribute { get; }

    /// <summary>The [Task] method; null when the node names none (a FLUX003 problem).</summary>
    public IMethodSymbol? Task { get; }

    /// <summary>The class that declares the task.</summary>
    public INamedTypeSymbol? DeclaredIn { get; }

    /// <summary>The task's parameter types, without its cancellation token.</summary>
    public IReadOnlyList<ITypeSymbol>? ParameterTypes { get; }

    /// <summary>The task's result type (<c>ValueTuple</c> for none).</summary>
    public ITypeSymbol? ResultType { get; }
}

/// <summary>One <c>[Edge]</c>.</summary>
internal sealed class DeclaredEdge
{
    public DeclaredEdge(string from, string to, AttributeData attribute, string? when, TypedConstant? @case)
    {
        From = from;
        To = to;
        Attribute = attribute;
        When = when;
        Case = @case;
    }

    public string From { get; }

    public string To { get; }

    public AttributeData Attribute { get; }

    /// <summary>The method <c>When</c> names, as written.</summary>
    public string? When { get; }

    /// <summary>The <c>Case</c> argument as written, if any.</summary>
    public TypedConstant? Case { get; }

    /// <summary>The condition or router method; null without <see cref="When"/> or when it does not resolve.</summary>
    public IMethodSymbol? Router { get; set; }

    /// <summary>The enum members of <see cref="Case"/> (one, or several given as an array), for an enum router.</summary>
    public IReadOnlyList<IFieldSymbol>? CaseMembers { get; set; }

    /// <summary>How the edge's condition reads in a diagram: <c>IsValid</c>, or <c>Classify is Valid</c> (<c>Classify is Invalid or Unknown</c>) for an enum router.</summary>
    public string? Label =>
        When is null ? null
        : CaseMembers is { } members ? When + " is " + string.Join(" or ", members.Select(m => m.Name))
        : When;
}

/// <summary>One <c>[StartWith]</c> or <c>[EndWith]</c>.</summary>
internal sealed class DeclaredEnd
{
    public DeclaredEnd(string node, AttributeData attribute)
    {
        Node = node;
        Attribute = attribute;
    }

    public string Node { get; }

    public AttributeData Attribute { get; }
}
