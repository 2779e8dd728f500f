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
/// <c>ToMermaid()</c>; for a graph built statement by statement, a statement <c>g.StartWith("n");</c> goes before the
/// first statement that builds or runs it.
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
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // The analyzer sets the candidate only when there is exactly one.
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.CandidateNode, out var node)
                || node is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation)
            {
                continue;
            }

            var method = diagnostic.Id == DiagnosticIds.GraphHasNoStart ? "StartWith" : "EndWith";
            var title = "Add " + method + "(\"" + node + "\")";
            var equivalenceKey = diagnostic.Id + "." + method;
            if (GraphChainSyntax.FindTerminal(creation, out var top) is { Expression: MemberAccessExpressionSyntax terminal })
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => AddToChainAsync(context.Document, terminal, method, node, ct), equivalenceKey),
                    diagnostic);
            }
            else if (GraphChainSyntax.TryFindFirstUse(top, out var local, out var use))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => AddStatementAsync(context.Document, use, local, method, node, ct), equivalenceKey),
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
            .WithLeadingTrivia(GraphChainSyntax.Indentation(use))
            .WithTrailingTrivia(GraphChainSyntax.EndOfLine(use));
        return use.Parent is GlobalStatementSyntax global
            ? document.WithSyntaxRoot(root.InsertNodesBefore(global, new[] { GlobalStatement(statement) }))
            : document.WithSyntaxRoot(root.InsertNodesBefore(use, new[] { statement }));
    }
}
