using System.Collections.Generic;
using Flux.Shared.Graphs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Flux.Analyzers;

/// <summary>
/// Reads a fluent <c>Graph</c> builder written out in code into a <see cref="GraphShape{TType}"/> of
/// <see cref="ITypeSymbol"/>, with the location of every call, so that the shared graph rules can judge it at
/// compile time. It reads two forms, and only when the whole graph is visible:
/// <list type="bullet">
/// <item>one expression: <c>new Graph("g").AddNode(...)....RunAsync(...)</c> (or <c>.Build()</c>, <c>.ToMermaid()</c>);</item>
/// <item>a local built statement by statement in one block: <c>var g = new Graph("g"); g.AddNode(...); ...; g.Build();</c>.</item>
/// </list>
/// It gives up (returns null) when a name is not a compile-time constant (literals, constants and <c>nameof</c> are),
/// when the graph escapes before it is complete (passed to a method, returned, stored, built inside an <c>if</c> or a
/// loop), when a builder call follows a use, or when the graph is never built or run.
/// </summary>
internal sealed class FluentGraphReader
{
    private readonly INamedTypeSymbol _graph;
    private readonly INamedTypeSymbol? _taskHandle;
    private readonly INamedTypeSymbol? _valueTuple;

    public FluentGraphReader(INamedTypeSymbol graph, INamedTypeSymbol? taskHandle, INamedTypeSymbol? valueTuple)
    {
        _graph = graph;
        _taskHandle = taskHandle;
        _valueTuple = valueTuple;
    }

    /// <summary>The graph created by <paramref name="creation"/>, or null when it cannot be known at compile time.</summary>
    public FluentGraph? Read(IObjectCreationOperation creation)
    {
        if (creation.Arguments.Length != 1 || Constant(creation.Arguments[0].Value) is not { } name)
        {
            return null;
        }

        var graph = new FluentGraph(name, creation.Syntax.GetLocation());
        var chain = Climb(creation);
        if (chain is null || !Add(graph, chain.Calls))
        {
            return null;
        }

        if (chain.IsTerminated)
        {
            return graph.Freeze();
        }

        // Built statement by statement: `var g = new Graph("g")...;` then `g.AddNode(...);` ... and a use.
        if (chain.Top.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
            || declarator.Parent?.Parent is not IVariableDeclarationGroupOperation statement
            || statement.Parent is not IBlockOperation block)
        {
            return null;
        }

        var local = declarator.Symbol;
        var used = false;
        var after = false;
        foreach (var next in block.Operations)
        {
            if (!after)
            {
                after = next == statement;
                continue;
            }

            foreach (var reference in next.Descendants())
            {
                if (reference is not ILocalReferenceOperation { } localReference
                    || !SymbolEqualityComparer.Default.Equals(localReference.Local, local))
                {
                    continue;
                }

                var step = Climb(reference);
                if (step is null)
                {
                    return null;
                }

                if (step.IsTerminated)
                {
                    used = true;
                }
                else if (used || step.Calls.Count == 0 || step.Top.Parent != next || next is not IExpressionStatementOperation)
                {
                    // A builder call after a use, or the graph going anywhere but into a builder statement of this block.
                    return null;
                }

                if (!Add(graph, step.Calls))
                {
                    return null;
                }
            }
        }

        return used ? graph.Freeze() : null;
    }

    /// <summary>Follows builder calls up from <paramref name="receiver"/>; null when a call on the graph is not one we know.</summary>
    private Chain? Climb(IOperation receiver)
    {
        var calls = new List<IInvocationOperation>();
        var current = receiver;
        while (current.Parent is IInvocationOperation invocation
            && invocation.Instance == current
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _graph))
        {
            switch (invocation.TargetMethod.Name)
            {
                case "AddNode":
                case "AddEdge":
                case "StartWith":
                case "EndWith":
                    calls.Add(invocation);
                    current = invocation;
                    continue;
                case "Build":
                case "RunAsync":
                case "ToMermaid":
                    return new Chain(calls, current, isTerminated: true);
                default:
                    return null;
            }
        }

        return new Chain(calls, current, isTerminated: false);
    }

    private bool Add(FluentGraph graph, List<IInvocationOperation> calls)
    {
        foreach (var call in calls)
        {
            var location = CallLocation(call);
            switch (call.TargetMethod.Name)
            {
                case "AddNode":
                {
                    if (Argument(call, "name") is not { } nameArgument || Constant(nameArgument) is not { } name
                        || Argument(call, "task") is not { } task)
                    {
                        return false;
                    }

                    ReadTask(StripConversions(task).Type, out var parameters, out var result);
                    graph.Nodes.Add(new GraphNodeShape<ITypeSymbol>(name, parameters, result));
                    graph.NodeLocations.Add(location);
                    break;
                }

                case "AddEdge":
                {
                    if (Argument(call, "from") is not { } fromArgument || Constant(fromArgument) is not { } from
                        || Argument(call, "to") is not { } toArgument || Constant(toArgument) is not { } to)
                    {
                        return false;
                    }

                    var when = Argument(call, "when");
                    var conditionType = when is null || call.TargetMethod.TypeArguments.Length != 1 ? null : call.TargetMethod.TypeArguments[0];
                    var description = Argument(call, "description") is { } given ? Constant(given) : null;
                    graph.Edges.Add(new GraphEdgeShape<ITypeSymbol>(from, to, when is not null, conditionType, description ?? when?.Syntax.ToString()));
                    graph.EdgeLocations.Add(new FluentEdgeLocations(
                        location,
                        fromArgument.Syntax.GetLocation(),
                        toArgument.Syntax.GetLocation(),
                        when?.Syntax.GetLocation() ?? location));
                    break;
                }

                default:
                {
                    if (Argument(call, "node") is not { } nodeArgument || Constant(nodeArgument) is not { } node)
                    {
                        return false;
                    }

                    var isStart = call.TargetMethod.Name == "StartWith";
                    (isStart ? graph.Starts : graph.Ends).Add(node);
                    (isStart ? graph.StartLocations : graph.EndLocations).Add(nodeArgument.Syntax.GetLocation());
                    break;
                }
            }
        }

        return true;
    }

    /// <summary>The parameter and result types of a task handle type: <c>TaskHandle&lt;TArguments, TResult&gt;</c>, where TArguments is the one parameter, a tuple of them, or ValueTuple for none.</summary>
    private void ReadTask(ITypeSymbol? type, out IReadOnlyList<ITypeSymbol>? parameters, out ITypeSymbol? result)
    {
        parameters = null;
        result = null;
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (!SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, _taskHandle))
            {
                continue;
            }

            var arguments = current.TypeArguments[0];
            result = current.TypeArguments[1];
            if (SymbolEqualityComparer.Default.Equals(arguments, _valueTuple))
            {
                parameters = new ITypeSymbol[0];
            }
            else if (arguments is INamedTypeSymbol { IsTupleType: true } tuple)
            {
                var elements = new List<ITypeSymbol>();
                foreach (var element in tuple.TupleElements)
                {
                    elements.Add(element.Type);
                }

                parameters = elements;
            }
            else
            {
                parameters = new[] { arguments };
            }

            return;
        }
    }

    private static IOperation StripConversions(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private static IOperation? Argument(IInvocationOperation call, string parameter)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name == parameter)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue && parameter != "description" ? null : argument.Value;
            }
        }

        return null;
    }

    private static string? Constant(IOperation value) =>
        value.ConstantValue.HasValue ? value.ConstantValue.Value as string : null;

    /// <summary>From the method name to the closing parenthesis: <c>AddNode("a", ATask)</c>, not the whole chain before it.</summary>
    private static Location CallLocation(IInvocationOperation call)
    {
        if (call.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            return Location.Create(invocation.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End));
        }

        return call.Syntax.GetLocation();
    }

    private sealed class Chain
    {
        public Chain(List<IInvocationOperation> calls, IOperation top, bool isTerminated)
        {
            Calls = calls;
            Top = top;
            IsTerminated = isTerminated;
        }

        /// <summary>The builder calls, in order.</summary>
        public List<IInvocationOperation> Calls { get; }

        /// <summary>The last builder call (or the receiver when there is none).</summary>
        public IOperation Top { get; }

        /// <summary>True when the chain ends in Build, RunAsync or ToMermaid: the graph is complete there.</summary>
        public bool IsTerminated { get; }
    }
}

/// <summary>A fluent graph read from code: its shape, and where each of its calls is.</summary>
internal sealed class FluentGraph
{
    public FluentGraph(string name, Location creation)
    {
        Name = name;
        Creation = creation;
    }

    public string Name { get; }

    /// <summary>The <c>new Graph(...)</c> expression.</summary>
    public Location Creation { get; }

    public List<GraphNodeShape<ITypeSymbol>> Nodes { get; } = new List<GraphNodeShape<ITypeSymbol>>();

    public List<GraphEdgeShape<ITypeSymbol>> Edges { get; } = new List<GraphEdgeShape<ITypeSymbol>>();

    public List<string> Starts { get; } = new List<string>();

    public List<string> Ends { get; } = new List<string>();

    /// <summary>Per AddNode call, the call.</summary>
    public List<Location> NodeLocations { get; } = new List<Location>();

    public List<FluentEdgeLocations> EdgeLocations { get; } = new List<FluentEdgeLocations>();

    /// <summary>Per StartWith call, its node name argument.</summary>
    public List<Location> StartLocations { get; } = new List<Location>();

    /// <summary>Per EndWith call, its node name argument.</summary>
    public List<Location> EndLocations { get; } = new List<Location>();

    public GraphShape<ITypeSymbol> Shape { get; private set; } = null!;

    public FluentGraph Freeze()
    {
        Shape = new GraphShape<ITypeSymbol>(Name, Nodes, Edges, Starts, Ends);
        return this;
    }

    /// <summary>Where to report a violation.</summary>
    public Location LocationOf(GraphViolation violation)
    {
        switch (violation.Target)
        {
            case GraphViolationTarget.Node: return NodeLocations[violation.Index];
            case GraphViolationTarget.Edge: return EdgeLocations[violation.Index].Call;
            case GraphViolationTarget.EdgeFrom: return EdgeLocations[violation.Index].From;
            case GraphViolationTarget.EdgeTo: return EdgeLocations[violation.Index].To;
            case GraphViolationTarget.Condition: return EdgeLocations[violation.Index].Condition;
            case GraphViolationTarget.Start: return StartLocations[violation.Index];
            case GraphViolationTarget.End: return EndLocations[violation.Index];
            default: return Creation;
        }
    }
}

/// <summary>The locations of one AddEdge call and its arguments.</summary>
internal sealed class FluentEdgeLocations
{
    public FluentEdgeLocations(Location call, Location from, Location to, Location condition)
    {
        Call = call;
        From = from;
        To = to;
        Condition = condition;
    }

    public Location Call { get; }

    public Location From { get; }

    public Location To { get; }

    public Location Condition { get; }
}
