using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Flux.Analyzers.CodeFixes;

/// <summary>
/// FLUX201-FLUX205: rewrites what a workflow body does by itself into the recorded <c>Workflow.*</c> equivalent, as
/// the analyzer chose it (<see cref="DiagnosticProperties.DeterminismFix"/>): the clock into <c>await Workflow.Now()</c>,
/// <c>Guid.NewGuid()</c> into <c>await Workflow.NewGuid()</c>, <c>NextDouble()</c> into <c>await Workflow.Random()</c>,
/// a delay into <c>await Workflow.Sleep(d)</c>, and <c>Task.WhenAll</c> over started task calls into
/// <c>Workflow.Parallel</c>. A rewrite that adds <c>await</c> is offered only where <c>await</c> is allowed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeterminismCodeFixProvider)), Shared]
public sealed class DeterminismCodeFixProvider : CodeFixProvider
{
    /// <summary>One key for every rewrite, so that Fix All applies each diagnostic's own rewrite in one pass.</summary>
    private const string EquivalenceKey = "Flux.Determinism.UseWorkflowBuiltin";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.WorkflowReadsClock,
        DiagnosticIds.WorkflowNewGuid,
        DiagnosticIds.WorkflowRandom,
        DiagnosticIds.WorkflowDelay,
        DiagnosticIds.WorkflowConcurrency);

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.DeterminismFix, out var fix)
                || fix is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax reported
                || Rewrite(fix, reported) is not { } rewrite)
            {
                continue;
            }

            var (replaced, replacement, title) = rewrite;
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    ct => ReplaceAsync(context.Document, replaced, replacement, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The node to replace, what replaces it, and the fix's title; null when the shape is not the expected one.</summary>
    private static (SyntaxNode Replaced, SyntaxNode Replacement, string Title)? Rewrite(string fix, ExpressionSyntax reported)
    {
        switch (fix)
        {
            case DiagnosticProperties.FixNow:
            case DiagnosticProperties.FixNowLocal:
            case DiagnosticProperties.FixUtcDateTime:
            case DiagnosticProperties.FixLocalDateTime:
            case DiagnosticProperties.FixToday:
            {
                if (!AsyncContext.CanAwaitAt(reported))
                {
                    return null;
                }

                var now = Await(Builtin("Now"));
                ExpressionSyntax replacement = fix switch
                {
                    DiagnosticProperties.FixNowLocal => Invoke(Member(now, "ToLocalTime")),
                    DiagnosticProperties.FixUtcDateTime => Member(now, "UtcDateTime"),
                    DiagnosticProperties.FixLocalDateTime => Member(now, "LocalDateTime"),
                    DiagnosticProperties.FixToday => Member(Member(now, "LocalDateTime"), "Date"),
                    _ => now,
                };
                return (reported, replacement.WithTriviaFrom(reported), "Use 'await Workflow.Now()'");
            }

            case DiagnosticProperties.FixNewGuid:
                return AsyncContext.CanAwaitAt(reported)
                    ? (reported, Await(Builtin("NewGuid")).WithTriviaFrom(reported), "Use 'await Workflow.NewGuid()'")
                    : null;

            case DiagnosticProperties.FixRandom:
            {
                // The diagnostic is on the Random; the fix replaces the whole 'random.NextDouble()'.
                if (reported.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next } || !AsyncContext.CanAwaitAt(next))
                {
                    return null;
                }

                return (next, Await(Builtin("Random")).WithTriviaFrom(next), "Use 'await Workflow.Random()'");
            }

            case DiagnosticProperties.FixSleep:
            case DiagnosticProperties.FixSleepMilliseconds:
                return RewriteSleep(reported, milliseconds: fix == DiagnosticProperties.FixSleepMilliseconds);

            case DiagnosticProperties.FixParallel:
                return RewriteWhenAll(reported);

            default:
                return null;
        }
    }

    /// <summary><c>await Task.Delay(d)</c> becomes <c>await Workflow.Sleep(d)</c>; <c>Thread.Sleep(d);</c> becomes <c>await Workflow.Sleep(d);</c>.</summary>
    private static (SyntaxNode, SyntaxNode, string)? RewriteSleep(ExpressionSyntax reported, bool milliseconds)
    {
        if (reported is not InvocationExpressionSyntax { ArgumentList.Arguments: [var argument] } invocation)
        {
            return null;
        }

        var duration = argument.Expression;
        var sleep = Builtin("Sleep", milliseconds ? FromMilliseconds(duration) : duration.WithoutTrivia());
        const string Title = "Use 'await Workflow.Sleep(...)'";
        if (invocation.Parent is AwaitExpressionSyntax)
        {
            return (invocation, sleep.WithTriviaFrom(invocation), Title);
        }

        return invocation.Parent is ExpressionStatementSyntax && AsyncContext.CanAwaitAt(invocation)
            ? (invocation, SyntaxFactory.AwaitExpression(sleep).WithTriviaFrom(invocation), Title)
            : null;
    }

    /// <summary><c>Task.WhenAll(a.RunAsync().AsTask(), ...)</c> becomes <c>Workflow.Parallel(a, ...)</c>.</summary>
    private static (SyntaxNode, SyntaxNode, string)? RewriteWhenAll(ExpressionSyntax reported)
    {
        if (reported is not InvocationExpressionSyntax invocation)
        {
            return null;
        }

        var calls = new List<ArgumentSyntax>();
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            // call.RunAsync().AsTask(): AsTask( RunAsync( call ) ).
            if (argument.NameColon is not null
                || argument.Expression is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "AsTask" } asTask }
                || asTask.Expression is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "RunAsync" } run })
            {
                return null;
            }

            calls.Add(SyntaxFactory.Argument(run.Expression.WithoutTrivia()).WithTriviaFrom(argument));
        }

        var parallel = SyntaxFactory.InvocationExpression(
            WorkflowMember("Parallel"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(calls, invocation.ArgumentList.Arguments.GetSeparators())));
        return (invocation, parallel.WithTriviaFrom(invocation), "Use 'Workflow.Parallel(...)'");
    }

    /// <summary><c>TimeSpan.FromMilliseconds(ms)</c>, for a delay given in milliseconds.</summary>
    private static ExpressionSyntax FromMilliseconds(ExpressionSyntax milliseconds) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.ParseName("global::System.TimeSpan").WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.IdentifierName("FromMilliseconds")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(milliseconds.WithoutTrivia()))));

    /// <summary><c>Workflow.{name}(arguments)</c>, qualified so that it binds without a <c>using Flux;</c> (simplified where one exists).</summary>
    private static InvocationExpressionSyntax Builtin(string name, params ExpressionSyntax[] arguments)
    {
        var list = new List<ArgumentSyntax>();
        foreach (var argument in arguments)
        {
            list.Add(SyntaxFactory.Argument(argument));
        }

        return SyntaxFactory.InvocationExpression(WorkflowMember(name), SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(list)));
    }

    private static MemberAccessExpressionSyntax WorkflowMember(string name) =>
        SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            SyntaxFactory.ParseName("global::Flux.Workflow").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.IdentifierName(name));

    private static ExpressionSyntax Await(ExpressionSyntax expression) =>
        SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(expression)).WithAdditionalAnnotations(Simplifier.Annotation);

    private static MemberAccessExpressionSyntax Member(ExpressionSyntax expression, string name) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, expression, SyntaxFactory.IdentifierName(name));

    private static InvocationExpressionSyntax Invoke(ExpressionSyntax expression) => SyntaxFactory.InvocationExpression(expression);

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode));
    }
}
