using System.Threading;
using Flux.Shared.Graphs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Shared.Declarations.DeclarativeGraphs;

/// <summary>Where a problem of a declarative graph is reported: on the attribute, or the attribute argument, at fault.</summary>
internal sealed class DeclarativeLocations
{
    private readonly DeclarativeGraph _graph;
    private readonly CancellationToken _cancellationToken;

    public DeclarativeLocations(DeclarativeGraph graph, CancellationToken cancellationToken)
    {
        _graph = graph;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The task argument of the <paramref name="node"/>-th <c>[Node]</c>.</summary>
    public Location NodeTask(int node)
    {
        var attribute = _graph.Nodes[node].Attribute;
        return Argument(attribute, attribute.ConstructorArguments.Length - 1);
    }

    /// <summary>The <c>When</c> (or else the <c>Case</c>) of the <paramref name="edge"/>-th <c>[Edge]</c>.</summary>
    public Location Condition(int edge)
    {
        var attribute = _graph.Edges[edge].Attribute;
        return FindArgument(attribute, 0, "When") ?? Argument(attribute, 0, "Case");
    }

    /// <summary>The node name of the <paramref name="start"/>-th <c>[StartWith]</c>.</summary>
    public Location Start(int start) => Argument(_graph.Starts[start].Attribute, 0);

    /// <summary>The node name of the <paramref name="end"/>-th <c>[EndWith]</c>.</summary>
    public Location End(int end) => Argument(_graph.Ends[end].Attribute, 0);

    /// <summary>Where a graph rule's violation points.</summary>
    public Location Of(GraphViolation violation) => violation.Target switch
    {
        GraphViolationTarget.Node => Attribute(_graph.Nodes[violation.Index].Attribute),
        GraphViolationTarget.Edge => Attribute(_graph.Edges[violation.Index].Attribute),
        GraphViolationTarget.EdgeFrom => Argument(_graph.Edges[violation.Index].Attribute, 0),
        GraphViolationTarget.EdgeTo => Argument(_graph.Edges[violation.Index].Attribute, 1),
        GraphViolationTarget.Condition => Condition(violation.Index),
        GraphViolationTarget.Start => Start(violation.Index),
        GraphViolationTarget.End => End(violation.Index),
        _ => Method,
    };

    private Location Method => _graph.Method.Locations.Length > 0 ? _graph.Method.Locations[0] : Location.None;

    private Location Attribute(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation() ?? Method;

    private Location Argument(AttributeData attribute, int position, string? name = null) =>
        FindArgument(attribute, position, name) ?? Attribute(attribute);

    /// <summary>The argument <paramref name="name"/> (<c>When = ...</c>), or without a name the <paramref name="position"/>-th positional one.</summary>
    private Location? FindArgument(AttributeData attribute, int position, string? name)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is not AttributeSyntax { ArgumentList: { } list })
        {
            return null;
        }

        var positional = 0;
        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals is { } named)
            {
                if (name is not null && named.Name.Identifier.ValueText == name)
                {
                    return argument.GetLocation();
                }

                continue;
            }

            if (name is null && positional++ == position)
            {
                return argument.Expression.GetLocation();
            }
        }

        return null;
    }
}
