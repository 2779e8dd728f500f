using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Analyzers.CodeFixes;

internal static class AsyncContext
{
    /// <summary>
    /// Whether <c>await</c> may be written at <paramref name="node"/>: the innermost enclosing function (method, local function,
    /// lambda or anonymous method) is <c>async</c>. A fix that adds <c>await</c> is only offered there.
    /// </summary>
    public static bool CanAwaitAt(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax function:
                    return function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary><c>await expression</c>, in parentheses the simplifier removes where they are not needed.</summary>
    public static ExpressionSyntax Await(ExpressionSyntax expression) =>
        SyntaxFactory.ParenthesizedExpression(
                SyntaxFactory.AwaitExpression(expression.WithoutTrivia()))
            .WithTriviaFrom(expression)
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
}
