using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Shared.Declarations.FluentGraphs;

/// <summary>
/// What <see cref="FluentChainReader"/> asks about expressions that syntax alone does not decide. The analyzer answers
/// with the semantic model; the generator without binding method bodies (they are bound again at every keystroke).
/// </summary>
internal interface IFluentConstants
{
    /// <summary>Whether <paramref name="creation"/> makes a <c>Flux.Graph</c>.</summary>
    bool IsGraph(BaseObjectCreationExpressionSyntax creation);

    /// <summary>The string constant <paramref name="expression"/> evaluates to (a literal, a constant, <c>nameof</c>), or null.</summary>
    string? StringValue(ExpressionSyntax expression);
}
