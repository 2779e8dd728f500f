using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Analyzers.CodeFixes;

/// <summary>
/// Finds, in syntax, where a fluent <c>Graph</c> that the graph analyzer has read is complete: the call that builds or
/// runs it. The analyzer has already proved that the chain is one it reads (see <c>FluentGraphReader</c>), so the
/// fixers only need to retrace it; when the syntax is not the expected one they offer nothing.
/// </summary>
internal static class GraphChainSyntax
{
    /// <summary>The calls that complete a graph; a fix that adds a builder call puts it before them.</summary>
    private static readonly HashSet<string> s_terminals = new() { "Build", "RunAsync", "ToMermaid" };

    /// <summary>
    /// Climbs the builder calls made on <paramref name="receiver"/>; returns the terminal invocation
    /// (<c>.Build()</c>, <c>.RunAsync(...)</c>, <c>.ToMermaid()</c>) or null, and in <paramref name="top"/> the last
    /// expression of the chain before it.
    /// </summary>
    public static InvocationExpressionSyntax? FindTerminal(ExpressionSyntax receiver, out ExpressionSyntax top)
    {
        top = receiver;
        while (top.Parent is MemberAccessExpressionSyntax member
            && member.Expression == top
            && member.Parent is InvocationExpressionSyntax invocation
            && invocation.Expression == member)
        {
            if (s_terminals.Contains(member.Name.Identifier.ValueText))
            {
                return invocation;
            }

            top = invocation;
        }

        return null;
    }

    /// <summary>
    /// For a graph built statement by statement (<c>var g = new Graph("g")...;</c> then <c>g.AddNode(...);</c>...), the
    /// name of the local and the first statement after its declaration that builds or runs it.
    /// </summary>
    public static bool TryFindFirstUse(ExpressionSyntax top, out string local, out StatementSyntax use)
    {
        local = string.Empty;
        use = null!;
        if (top.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax declaration)
        {
            return false;
        }

        var name = declarator.Identifier.ValueText;
        foreach (var statement in StatementsAfter(declaration))
        {
            foreach (var identifier in statement.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != name
                    || identifier.Parent is MemberAccessExpressionSyntax member && member.Name == identifier)
                {
                    continue;
                }

                if (FindTerminal(identifier, out _) is not null)
                {
                    local = name;
                    use = statement;
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The statements that follow <paramref name="statement"/> in its block (or among the top-level statements).</summary>
    private static IEnumerable<StatementSyntax> StatementsAfter(StatementSyntax statement)
    {
        switch (statement.Parent)
        {
            case BlockSyntax block:
                return block.Statements.Skip(block.Statements.IndexOf(statement) + 1);
            case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                return unit.Members.Skip(unit.Members.IndexOf(global) + 1).OfType<GlobalStatementSyntax>().Select(g => g.Statement);
            default:
                return Enumerable.Empty<StatementSyntax>();
        }
    }

    /// <summary>The indentation of the line <paramref name="node"/> starts on (its last leading whitespace).</summary>
    public static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
    }

    /// <summary>The end of line the document uses after <paramref name="node"/> (a line feed when none follows it).</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode node)
    {
        foreach (var trivia in node.GetTrailingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.LineFeed;
    }
}
