using Flux.Shared.Declarations.FluentGraphs;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Diagnostics;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Flux.Analyzers.CodeFixes;

/// <summary>
/// FLUX001 / FLUX002: adds <c>.StartWith("n")</c> / <c>.EndWith("n")</c> when exactly one node can be the start (no
/// incoming edge) / the end (no outgoing edge); with none or several, which node is meant is a decision, so nothing is
/// offered. In a fluent chain the call goes just before the terminal <c>Build()</c>, <c>RunAsync(...)</c> or
/// <c>ToMermaid()</c>, or at the end of a chain that is returned, stored or passed on; for a graph built statement by
/// statement, a statement <c>g.StartWith("n");</c> goes before the first statement that builds, runs or returns it.
/// The graph is found again with the reader the analyzer used (<see cref="FluentChainReader"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddGraphStartOrEndCodeFixProvider)), Shared]
public sealed class AddGraphStartOrEndCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.GraphHasNoStart, DiagnosticIds.GraphHasNoEnd);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model?.Compilation.GetTypeByMetadataName(FluxSymbols.Graph) is not { } graph)
        {
            return;
        }

        var constants = new SemanticFluentConstants(model, graph, context.CancellationToken);
        foreach (var diagnostic in context.Diagnostics)
        {
            // The analyzer sets the candidate only when there is exactly one.
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.CandidateNode, out var node)
                || node is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation
                || FluentChainReader.Read(creation, constants, context.CancellationToken) is not { } chain)
            {
                continue;
            }

            var method = diagnostic.Id == DiagnosticIds.GraphHasNoStart ? "StartWith" : "EndWith";
            var title = "Add " + method + "(\"" + node + "\")";
            var equivalenceKey = diagnostic.Id + "." + method;
            if (chain.Local is { } local && chain.FirstUse is { } use)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => AddStatementAsync(context.Document, use, local, method, node, ct), equivalenceKey),
                    diagnostic);
            }
            else if (chain.Terminal is { Expression: MemberAccessExpressionSyntax terminal })
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => AddToChainAsync(context.Document, terminal, method, node, ct), equivalenceKey),
                    diagnostic);
            }
            else if (chain.Local is null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => AppendToChainAsync(context.Document, chain.Top, method, node, ct), equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary><c>x.RunAsync(...)</c> becomes <c>x.StartWith("n").RunAsync(...)</c>, on its own line when the chain is written one call per line.</summary>
    private static async Task<Document> AddToChainAsync(Document document, MemberAccessExpressionSyntax terminal, string method, string node, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var receiver = terminal.Expression;
        var multiline = receiver.GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia);
        var dot = Token(SyntaxKind.DotToken);
        if (multiline)
        {
            dot = dot.WithLeadingTrivia(terminal.OperatorToken.LeadingTrivia);
        }

        ExpressionSyntax added = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, dot, IdentifierName(method)),
                ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(node))))))
            .WithTrailingTrivia(multiline ? receiver.GetTrailingTrivia() : TriviaList());
        return document.WithSyntaxRoot(root.ReplaceNode(terminal, terminal.WithExpression(added)));
    }

    /// <summary><c>x</c>, the end of a chain that is returned, stored or passed on, becomes <c>x.StartWith("n")</c>, on its own line when the chain is written one call per line.</summary>
    private static async Task<Document> AppendToChainAsync(Document document, ExpressionSyntax top, string method, string node, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var dot = Token(SyntaxKind.DotToken);
        if (top is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax last }
            && last.Expression.GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia))
        {
            dot = dot.WithLeadingTrivia(TriviaList(EndOfLine(top)).AddRange(last.OperatorToken.LeadingTrivia));
        }

        ExpressionSyntax added = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, top.WithoutTrailingTrivia(), dot, IdentifierName(method)),
                ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(node))))))
            .WithTrailingTrivia(top.GetTrailingTrivia());
        return document.WithSyntaxRoot(root.ReplaceNode(top, added));
    }

    /// <summary>Inserts <c>g.StartWith("n");</c> before <paramref name="use"/>, at its indentation.</summary>
    private static async Task<Document> AddStatementAsync(Document document, StatementSyntax use, string local, string method, string node, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Parsed rather than built, so that it carries no elastic trivia and the formatter leaves the lines around it alone.
        var statement = ParseStatement(local + "." + method + "(" + Literal(node).Text + ");")
            .WithLeadingTrivia(Indentation(use))
            .WithTrailingTrivia(EndOfLine(use));
        return use.Parent is GlobalStatementSyntax global
            ? document.WithSyntaxRoot(root.InsertNodesBefore(global, new[] { GlobalStatement(statement) }))
            : document.WithSyntaxRoot(root.InsertNodesBefore(use, new[] { statement }));
    }

    /// <summary>The indentation of the line <paramref name="node"/> starts on (its last leading whitespace).</summary>
    private static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? TriviaList(leading[leading.Count - 1])
            : TriviaList();
    }

    /// <summary>The end of line the document uses after <paramref name="node"/> (a line feed when none follows it).</summary>
    private static SyntaxTrivia EndOfLine(SyntaxNode node)
    {
        foreach (var trivia in node.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return LineFeed;
    }
}
