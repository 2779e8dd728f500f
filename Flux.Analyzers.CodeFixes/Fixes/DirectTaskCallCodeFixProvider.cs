using Flux.Shared.Naming;
using Flux.Shared.Diagnostics;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Flux.Analyzers.CodeFixes;

/// <summary>
/// FLUX301: rewrites a direct call <c>M(a, b)</c> into a call through the task handle. <c>await M(a)</c> becomes
/// <c>await MTask.Call(a)</c>; a synchronous task's value <c>M(a)</c> becomes <c>await MTask.Call(a)</c> (offered only where
/// <c>await</c> is allowed); an un-awaited asynchronous task <c>M(a)</c> becomes <c>MTask.Call(a)</c>, itself awaitable.
/// A <c>CancellationToken</c> argument is dropped: the runtime supplies it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DirectTaskCallCodeFixProvider)), Shared]
public sealed class DirectTaskCallCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.DirectTaskCall + ".CallThroughHandle";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DirectTaskCall);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || model.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation operation
                || Rewrite(invocation, operation, model.Compilation) is not { } replacement)
            {
                continue;
            }

            var handle = GeneratedNames.TaskProperty(operation.TargetMethod.Name);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Call through '" + handle + ".Call(...)'",
                    ct => ReplaceAsync(context.Document, invocation, replacement, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static ExpressionSyntax? Rewrite(InvocationExpressionSyntax invocation, IInvocationOperation operation, Compilation compilation)
    {
        var cancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        var handleName = SyntaxFactory.IdentifierName(GeneratedNames.TaskProperty(operation.TargetMethod.Name));
        var call = SyntaxFactory.IdentifierName("Call");
        ExpressionSyntax? callee = invocation.Expression switch
        {
            IdentifierNameSyntax => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, handleName, call),
            MemberAccessExpressionSyntax access => SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, access.WithName(handleName), call),
            _ => null,
        };
        if (callee is null)
        {
            // M?.Invoke, generic names and other shapes: no safe rewrite.
            return null;
        }

        var rewritten = SyntaxFactory.InvocationExpression(
                callee.WithTriviaFrom(invocation.Expression),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(KeptArguments(operation, cancellationToken))))
            .WithTriviaFrom(invocation);

        if (invocation.Parent is AwaitExpressionSyntax)
        {
            return rewritten;
        }

        if (IsAwaitable(operation.TargetMethod.ReturnType))
        {
            return rewritten;
        }

        return AsyncContext.CanAwaitAt(invocation) ? AsyncContext.Await(rewritten) : null;
    }

    /// <summary>The written arguments, without the ones bound to a CancellationToken parameter.</summary>
    private static IEnumerable<ArgumentSyntax> KeptArguments(IInvocationOperation operation, INamedTypeSymbol? cancellationToken)
    {
        var arguments = new List<(int Position, ArgumentSyntax Syntax)>();
        foreach (var argument in operation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit
                && argument.Syntax is ArgumentSyntax syntax
                && !SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, cancellationToken))
            {
                arguments.Add((syntax.SpanStart, syntax));
            }
        }

        // Operation arguments are in parameter order; keep the order the user wrote (named arguments may be reordered).
        arguments.Sort(static (a, b) => a.Position.CompareTo(b.Position));
        foreach (var (_, syntax) in arguments)
        {
            yield return syntax;
        }
    }

    private static bool IsAwaitable(ITypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
        && type.Name is "Task" or "ValueTask";

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode));
    }
}
