using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Shared.Declarations.FluentGraphs;

/// <summary>
/// Reads a fluent <c>Graph</c> from syntax, with constant names only (literals, constants, <c>nameof</c>): the analyzer
/// judges what it reads with the graph rules, the generator draws it at build time, the code fixes edit it. It reads
/// <list type="bullet">
/// <item>one chain: <c>new Graph("g").AddNode(...)...</c>, completed there (<c>.RunAsync(...)</c>, <c>.Build()</c>,
/// <c>.ToMermaid()</c>) or leaving the code that builds it (returned, stored in a field or property, passed on);</item>
/// <item>a local built statement by statement in one block (<c>var g = new Graph("g"); g.AddNode(...); ...</c>) that is
/// then completed (<c>g.Build()</c>) or let go (<c>return g;</c>).</item>
/// </list>
/// It gives up (null) on anything else: a name that is not a constant, a call it does not know, a local that is built
/// inside an <c>if</c> or a loop, aliased, or built again after it was completed or let go. What it does not read, no
/// rule judges at compile time; the runtime still validates every graph before its first node runs.
/// </summary>
internal static class FluentChainReader
{
    /// <summary>The graph <paramref name="creation"/> makes, or null when it cannot be known at compile time.</summary>
    public static FluentChain? Read(BaseObjectCreationExpressionSyntax creation, IFluentConstants constants, CancellationToken cancellationToken)
    {
        if (creation.ArgumentList is not { Arguments.Count: 1 } arguments
            || constants.StringValue(arguments.Arguments[0].Expression) is not { } name
            || !constants.IsGraph(creation))
        {
            return null;
        }

        var chain = new FluentChain(name, creation);
        if (Climb(creation, constants, chain.Calls) is not { } climbed)
        {
            return null;
        }

        chain.Top = climbed.Top;
        if (climbed.Terminal is not null)
        {
            chain.Terminal = climbed.Terminal;
            chain.Ending = FluentEnding.Completed;
            return chain;
        }

        if (Escape(climbed.Top) is { } ending)
        {
            chain.Ending = ending;
            return chain;
        }

        return climbed.Top.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            && declarator.Parent?.Parent is LocalDeclarationStatementSyntax statement
                ? ReadLocal(chain, declarator.Identifier.ValueText, statement, constants, cancellationToken)
                : null;
    }

    /// <summary>
    /// Follows builder calls up from <paramref name="receiver"/> (a <c>new Graph</c>, a local, a helper's result), adding
    /// them to <paramref name="calls"/>, up to a terminal call or to whatever takes the graph; null when a call on the
    /// graph is not one this reader knows or a name in it is not a constant.
    /// </summary>
    public static (ExpressionSyntax Top, InvocationExpressionSyntax? Terminal)? Climb(ExpressionSyntax receiver, IFluentConstants constants, List<FluentCall> calls)
    {
        var current = receiver;
        while (current.Parent is MemberAccessExpressionSyntax member
            && member.Expression == current
            && member.Parent is InvocationExpressionSyntax invocation
            && invocation.Expression == member)
        {
            switch (member.Name.Identifier.ValueText)
            {
                case "Build":
                case "RunAsync":
                case "ToMermaid":
                    return (current, invocation);
                case "AddNode":
                case "AddEdge":
                case "StartWith":
                case "EndWith":
                    if (ReadCall(member.Name.Identifier.ValueText, invocation, constants) is not { } call)
                    {
                        return null;
                    }

                    calls.Add(call);
                    current = invocation;
                    continue;
                default:
                    return null;
            }
        }

        return (current, null);
    }

    /// <summary>Where the graph goes when <paramref name="top"/> is handed on as it is, or null when it is not.</summary>
    private static FluentEnding? Escape(ExpressionSyntax top) => top.Parent switch
    {
        ReturnStatementSyntax or YieldStatementSyntax or ArrowExpressionClauseSyntax => FluentEnding.Returned,
        LambdaExpressionSyntax lambda when lambda.ExpressionBody == top => FluentEnding.Returned,
        ArgumentSyntax => FluentEnding.PassedOn,
        AssignmentExpressionSyntax assignment when assignment.Right == top => FluentEnding.Stored,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => FluentEnding.Stored,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } } => FluentEnding.Stored,
        _ => null,
    };

    /// <summary>A local built statement by statement after its declaration, in the same block, then completed or let go.</summary>
    private static FluentChain? ReadLocal(FluentChain chain, string local, LocalDeclarationStatementSyntax declaration, IFluentConstants constants, CancellationToken cancellationToken)
    {
        chain.Local = local;
        var used = false;
        FluentEnding? ending = null;
        foreach (var statement in StatementsAfter(declaration))
        {
            foreach (var node in statement.DescendantNodesAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (node is not IdentifierNameSyntax reference
                    || reference.Identifier.ValueText != local
                    || reference.Parent is MemberAccessExpressionSyntax { Name: var memberName } && memberName == reference)
                {
                    continue;
                }

                var calls = new List<FluentCall>();
                if (Climb(reference, constants, calls) is not { } climbed || (used && calls.Count > 0))
                {
                    // A call this reader does not know, or a builder call after the graph was completed or let go.
                    return null;
                }

                chain.Calls.AddRange(calls);
                if (climbed.Terminal is not null)
                {
                    if (ending is not null and not FluentEnding.Completed)
                    {
                        return null; // Let go, then run here: what it was handed to may have added to it.
                    }

                    chain.Terminal ??= climbed.Terminal;
                    ending = FluentEnding.Completed;
                }
                else if (calls.Count > 0 && climbed.Top.Parent is ExpressionStatementSyntax direct && direct == statement)
                {
                    continue; // g.AddNode(...)...; as a statement of the block
                }
                else if (Escape(climbed.Top) is { } escape)
                {
                    ending ??= escape;
                }
                else
                {
                    return null; // Aliased, built inside an if or a loop, or used in a way this reader does not follow.
                }

                used = true;
                chain.FirstUse ??= statement;
            }
        }

        if (ending is not { } found)
        {
            return null; // Never built, run or let go.
        }

        chain.Ending = found;
        return chain;
    }

    /// <summary>The statements that follow <paramref name="statement"/> in its block (or among the top-level statements).</summary>
    private static IEnumerable<StatementSyntax> StatementsAfter(StatementSyntax statement)
    {
        switch (statement.Parent)
        {
            case BlockSyntax block:
                for (var i = block.Statements.IndexOf(statement) + 1; i < block.Statements.Count; i++)
                {
                    yield return block.Statements[i];
                }

                break;
            case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                for (var i = unit.Members.IndexOf(global) + 1; i < unit.Members.Count; i++)
                {
                    if (unit.Members[i] is GlobalStatementSyntax next)
                    {
                        yield return next.Statement;
                    }
                }

                break;
        }
    }

    private static FluentCall? ReadCall(string method, InvocationExpressionSyntax invocation, IFluentConstants constants)
    {
        switch (method)
        {
            case "AddNode":
                return Argument(invocation, 0, "name") is { } nameArgument && constants.StringValue(nameArgument) is { } name
                    && Argument(invocation, 1, "task") is { } task
                    ? new FluentCall(FluentCallKind.AddNode, invocation, name, null, nameArgument, task, null, null)
                    : null;
            case "AddEdge":
                if (Argument(invocation, 0, "from") is not { } fromArgument || constants.StringValue(fromArgument) is not { } from
                    || Argument(invocation, 1, "to") is not { } toArgument || constants.StringValue(toArgument) is not { } to)
                {
                    return null;
                }

                var when = Argument(invocation, 2, "when");
                var description = Argument(invocation, 3, "description") is { } given ? constants.StringValue(given) : null;
                return new FluentCall(FluentCallKind.AddEdge, invocation, from, to, fromArgument, toArgument, when, description ?? when?.ToString());
            default:
                return Argument(invocation, 0, "node") is { } nodeArgument && constants.StringValue(nodeArgument) is { } node
                    ? new FluentCall(method == "StartWith" ? FluentCallKind.StartWith : FluentCallKind.EndWith, invocation, node, null, nodeArgument, null, null, null)
                    : null;
        }
    }

    /// <summary>The argument for parameter <paramref name="name"/>: named, or else the <paramref name="position"/>-th positional one.</summary>
    private static ExpressionSyntax? Argument(InvocationExpressionSyntax call, int position, string name)
    {
        var arguments = call.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == name)
            {
                return argument.Expression;
            }
        }

        return position < arguments.Count && arguments[position].NameColon is null ? arguments[position].Expression : null;
    }
}
