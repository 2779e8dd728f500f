using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Shared.Declarations.FluentGraphs;

/// <summary>Answers <see cref="IFluentConstants"/> with the semantic model: for the analyzer and the code fixes, which bind the body anyway.</summary>
internal sealed class SemanticFluentConstants : IFluentConstants
{
    private readonly SemanticModel _model;
    private readonly INamedTypeSymbol _graph;
    private readonly CancellationToken _cancellationToken;

    public SemanticFluentConstants(SemanticModel model, INamedTypeSymbol graph, CancellationToken cancellationToken)
    {
        _model = model;
        _graph = graph;
        _cancellationToken = cancellationToken;
    }

    /// <inheritdoc/>
    public bool IsGraph(BaseObjectCreationExpressionSyntax creation) =>
        SymbolEqualityComparer.Default.Equals(_model.GetTypeInfo(creation, _cancellationToken).Type, _graph);

    /// <inheritdoc/>
    public string? StringValue(ExpressionSyntax expression) =>
        _model.GetConstantValue(expression, _cancellationToken) is { HasValue: true, Value: string text } ? text : null;
}
