using System;
using System.Collections.Generic;
using Flux.Shared.Graphs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Shared.Declarations.FluentGraphs;

/// <summary>Where a fluent graph goes once its builder calls are made.</summary>
internal enum FluentEnding
{
    /// <summary>It is built, run or drawn (<c>Build</c>, <c>RunAsync</c>, <c>ToMermaid</c>): complete.</summary>
    Completed,

    /// <summary>It is returned (from a method, a property, a lambda).</summary>
    Returned,

    /// <summary>It is stored in a field or a property.</summary>
    Stored,

    /// <summary>It is passed to a method.</summary>
    PassedOn,
}

/// <summary>A fluent graph read from syntax: what <see cref="FluentChainReader"/> returns.</summary>
internal sealed class FluentChain
{
    public FluentChain(string name, BaseObjectCreationExpressionSyntax creation)
    {
        Name = name;
        Creation = creation;
    }

    /// <summary>The graph's name.</summary>
    public string Name { get; }

    /// <summary>The <c>new Graph(...)</c> expression.</summary>
    public BaseObjectCreationExpressionSyntax Creation { get; }

    /// <summary>The builder calls, in the order they run.</summary>
    public List<FluentCall> Calls { get; } = new List<FluentCall>();

    /// <summary>Where the graph goes.</summary>
    public FluentEnding Ending { get; set; }

    /// <summary>For <see cref="FluentEnding.Completed"/>: the first <c>Build</c>, <c>RunAsync</c> or <c>ToMermaid</c> call.</summary>
    public InvocationExpressionSyntax? Terminal { get; set; }

    /// <summary>For a graph built statement by statement: the local that holds it.</summary>
    public string? Local { get; internal set; }

    /// <summary>The last expression of the chain that begins with <c>new Graph</c>, before a terminal or whatever takes it.</summary>
    public ExpressionSyntax Top { get; set; } = null!;

    /// <summary>
    /// For a graph built statement by statement, the first statement after the declaration that completes it or lets it
    /// go, where a code fix adds a missing call.
    /// </summary>
    public StatementSyntax? FirstUse { get; internal set; }

    /// <summary>True when the graph leaves the code that builds it, so that a later call may still complete it.</summary>
    public bool MayBeExtended => Ending != FluentEnding.Completed;

    /// <summary>
    /// The shape the graph rules judge, with the types <paramref name="node"/> and <paramref name="condition"/> give (null
    /// where unknown): from the calls, in order.
    /// </summary>
    public GraphShape<TType> Shape<TType>(Func<FluentCall, (IReadOnlyList<TType>? Parameters, TType? Result)> node, Func<FluentCall, TType?> condition)
        where TType : class
    {
        var nodes = new List<GraphNodeShape<TType>>();
        var edges = new List<GraphEdgeShape<TType>>();
        var starts = new List<string>();
        var ends = new List<string>();
        foreach (var call in Calls)
        {
            switch (call.Kind)
            {
                case FluentCallKind.AddNode:
                    var (parameters, result) = node(call);
                    nodes.Add(new GraphNodeShape<TType>(call.Name, parameters, result));
                    break;
                case FluentCallKind.AddEdge:
                    edges.Add(new GraphEdgeShape<TType>(call.Name, call.To!, call.When is not null, call.When is null ? null : condition(call), call.Description));
                    break;
                case FluentCallKind.StartWith:
                    starts.Add(call.Name);
                    break;
                default:
                    ends.Add(call.Name);
                    break;
            }
        }

        return new GraphShape<TType>(Name, nodes, edges, starts, ends);
    }

    /// <summary>The call of kind <paramref name="kind"/> that is the <paramref name="index"/>-th of its kind (as violations count them).</summary>
    public FluentCall CallOfKind(FluentCallKind kind, int index)
    {
        foreach (var call in Calls)
        {
            if (call.Kind == kind && index-- == 0)
            {
                return call;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>Where a violation of the graph rules is reported: the call, or the argument, it concerns.</summary>
    public Location LocationOf(GraphViolation violation) => violation.Target switch
    {
        GraphViolationTarget.Node => CallOfKind(FluentCallKind.AddNode, violation.Index).Location,
        GraphViolationTarget.Edge => CallOfKind(FluentCallKind.AddEdge, violation.Index).Location,
        GraphViolationTarget.EdgeFrom => CallOfKind(FluentCallKind.AddEdge, violation.Index).NameArgument.GetLocation(),
        GraphViolationTarget.EdgeTo => CallOfKind(FluentCallKind.AddEdge, violation.Index).SecondArgument!.GetLocation(),
        GraphViolationTarget.Condition => CallOfKind(FluentCallKind.AddEdge, violation.Index) is { When: { } when } ? when.GetLocation() : CallOfKind(FluentCallKind.AddEdge, violation.Index).Location,
        GraphViolationTarget.Start => CallOfKind(FluentCallKind.StartWith, violation.Index).NameArgument.GetLocation(),
        GraphViolationTarget.End => CallOfKind(FluentCallKind.EndWith, violation.Index).NameArgument.GetLocation(),
        _ => Creation.GetLocation(),
    };
}
