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

/// <summary>FLUX302: awaits the discarded TaskCall (offered only where <c>await</c> is allowed).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AwaitTaskCallCodeFixProvider)), Shared]
public sealed class AwaitTaskCallCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.DiscardedTaskCall + ".Await";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DiscardedTaskCall);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression
                || !AsyncContext.CanAwaitAt(expression))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Await the TaskCall", ct => AwaitAsync(context.Document, expression, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AwaitAsync(Document document, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(expression, AsyncContext.Await(expression)));
    }
}
