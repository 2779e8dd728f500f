using Flux.Shared.Diagnostics;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Analyzers.CodeFixes;

/// <summary>
/// FLUX004: removes the repeated <c>AddNode</c> call (the analyzer reports every one after the first): the call out of a
/// fluent chain, or the whole statement <c>g.AddNode(...);</c> of a graph built statement by statement.
/// </summary>
/// <remarks>The first <c>AddNode</c> of the name is the one the graph keeps, as the runtime would report the later ones.</remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDuplicateNodeCodeFixProvider)), Shared]
public sealed class RemoveDuplicateNodeCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.GraphDuplicateNode + ".RemoveDuplicateNode";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.GraphDuplicateNode);

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
            // The diagnostic spans `AddNode("a", ...)`, from the method name on: the smallest node holding it is the invocation.
            if (root.FindNode(diagnostic.Location.SourceSpan) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call
                || member.Name.Identifier.ValueText != "AddNode")
            {
                continue;
            }

            // `g.AddNode(...);` on its own goes as a statement; any other call goes out of its chain.
            var statement = member.Expression is IdentifierNameSyntax && call.Parent is ExpressionStatementSyntax expressionStatement
                ? (expressionStatement.Parent is GlobalStatementSyntax global ? global : (SyntaxNode)expressionStatement)
                : null;
            if (statement is not null && statement.Parent is not (BlockSyntax or CompilationUnitSyntax))
            {
                continue;
            }

            var name = call.ArgumentList.Arguments.Count > 0 ? call.ArgumentList.Arguments[0].ToString() : "the node";
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the duplicate AddNode(" + name + ", ...)",
                    ct => RemoveAsync(context.Document, call, member, statement, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> RemoveAsync(
        Document document,
        InvocationExpressionSyntax call,
        MemberAccessExpressionSyntax member,
        SyntaxNode? statement,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        if (statement is not null)
        {
            return document.WithSyntaxRoot(root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia)!);
        }

        // In a chain the call is replaced by what it was called on. The call's own trailing trivia takes the place of the
        // receiver's, so a chain written one call per line keeps its layout and `...AddNode(...)\n;` cannot happen.
        var receiver = member.Expression.WithTrailingTrivia(call.GetTrailingTrivia());
        return document.WithSyntaxRoot(root.ReplaceNode(call, receiver));
    }
}
