using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Generators.Workflows.FluentDiagrams;

/// <summary>
/// Answers what <see cref="FluentDiagramReader"/> needs from one workflow body (is this <c>new X(...)</c> a
/// <c>Flux.Graph</c>, what string constant is this argument) without binding the body.
/// </summary>
/// <remarks>
/// A semantic-model question about any node inside a method body makes Roslyn bind the whole body and run its
/// nullable analysis, and the workflow transform runs again for every workflow at every keystroke. So: literals,
/// parentheses and <c>nameof</c> are read from syntax; a type name or a constant's name is bound speculatively at
/// the method's name, outside the body, where the same types and fields are in scope but no body is bound; a name
/// that the body itself declares (a local, a parameter, a local function), and anything else, is asked of the
/// semantic model as before, which gives the same answers at the old price.
/// </remarks>
internal sealed class BodyConstants
{
    private readonly SemanticModel _model;
    private readonly INamedTypeSymbol _graph;
    private readonly MethodDeclarationSyntax _declaration;
    private readonly SyntaxNode _body;
    private readonly IMethodSymbol _method;
    private readonly CancellationToken _cancellationToken;
    private HashSet<string>? _declaredNames;
    private bool? _nameofIsOperator;
    private Dictionary<string, string?>? _names;

    private BodyConstants(
        SemanticModel model, INamedTypeSymbol graph, MethodDeclarationSyntax declaration, SyntaxNode body, IMethodSymbol method, CancellationToken cancellationToken)
    {
        _model = model;
        _graph = graph;
        _declaration = declaration;
        _body = body;
        _method = method;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Null when the compilation has no <c>Flux.Graph</c>.</summary>
    public static BodyConstants? Create(
        SemanticModel model, MethodDeclarationSyntax declaration, SyntaxNode body, IMethodSymbol method, CancellationToken cancellationToken) =>
        model.Compilation.GetTypeByMetadataName("Flux.Graph") is { } graph
            ? new BodyConstants(model, graph, declaration, body, method, cancellationToken)
            : null;

    /// <summary>A position where the method's containing types, usings and aliases are in scope, outside its body.</summary>
    private int Position => _declaration.Identifier.SpanStart;

    /// <summary>Whether <paramref name="creation"/> makes a <c>Flux.Graph</c> (spelled <c>Graph</c>, <c>Flux.Graph</c>, <c>global::Flux.Graph</c> or through an alias).</summary>
    public bool IsGraph(ObjectCreationExpressionSyntax creation)
    {
        // Syntax first: a qualified name must end in Graph; a simple name may be an alias, so it is bound (a lookup).
        var spelledGraph = creation.Type switch
        {
            IdentifierNameSyntax => true,
            QualifiedNameSyntax { Right: IdentifierNameSyntax { Identifier.ValueText: "Graph" } } => true,
            AliasQualifiedNameSyntax { Name: IdentifierNameSyntax { Identifier.ValueText: "Graph" } } => true,
            _ => false,
        };
        if (!spelledGraph)
        {
            return false;
        }

        var type = _model.GetSpeculativeTypeInfo(Position, creation.Type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        return SymbolEqualityComparer.Default.Equals(type, _graph);
    }

    /// <summary>The string constant <paramref name="expression"/> evaluates to, or null when it is not one.</summary>
    public string? StringValue(ExpressionSyntax expression)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
            case ParenthesizedExpressionSyntax parenthesized:
                return StringValue(parenthesized.Expression);
            case InvocationExpressionSyntax
            {
                Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" },
                ArgumentList.Arguments: [{ NameColon: null, RefKindKeyword.RawKind: 0 } argument],
            } when NameofIsOperator():
                switch (argument.Expression)
                {
                    case IdentifierNameSyntax name:
                        return name.Identifier.ValueText;
                    case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name }:
                        return name.Identifier.ValueText;
                }

                break;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax when IsNameOutsideTheBody(expression):
                // A chain repeats its names (the start node in AddNode, AddEdge and StartWith): bind each spelling once.
                var key = expression.ToString();
                _names ??= new Dictionary<string, string?>(System.StringComparer.Ordinal);
                if (_names.TryGetValue(key, out var known))
                {
                    return known;
                }

                switch (_model.GetSpeculativeSymbolInfo(Position, expression, SpeculativeBindingOption.BindAsExpression).Symbol)
                {
                    case IFieldSymbol { IsConst: true } field:
                        return _names[key] = field.ConstantValue as string;
                    case IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol or IParameterSymbol or ILocalSymbol:
                        return _names[key] = null; // Bound as it is in the body (nothing there hides it): not a constant.
                }

                break;
        }

        // Not decidable from syntax (a local constant, a concatenation, an interpolation...): bind it, as before.
        return _model.GetConstantValue(expression, _cancellationToken) is { HasValue: true, Value: string text } ? text : null;
    }

    /// <summary>
    /// Whether <paramref name="expression"/> is a name, or a chain of member accesses on one, whose first name the
    /// body does not declare, so that it means in the body what it means at the method's name.
    /// </summary>
    private bool IsNameOutsideTheBody(ExpressionSyntax expression)
    {
        var current = expression;
        while (current is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax } access)
        {
            current = access.Expression;
        }

        return current switch
        {
            IdentifierNameSyntax name => !DeclaredNames().Contains(name.Identifier.ValueText),
            AliasQualifiedNameSyntax => true,
            PredefinedTypeSyntax => true,
            _ => false,
        };
    }

    /// <summary><c>nameof(...)</c> is the operator unless something named <c>nameof</c> is in scope.</summary>
    private bool NameofIsOperator() =>
        _nameofIsOperator ??= !DeclaredNames().Contains("nameof") && _model.LookupSymbols(Position, name: "nameof").IsEmpty;

    /// <summary>Every name the method declares for its body: parameters, locals, local functions, lambda parameters, range variables.</summary>
    private HashSet<string> DeclaredNames()
    {
        if (_declaredNames is { } known)
        {
            return known;
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var parameter in _method.Parameters)
        {
            names.Add(parameter.Name);
        }

        foreach (var node in _body.DescendantNodesAndSelf())
        {
            var identifier = node switch
            {
                VariableDeclaratorSyntax declarator => declarator.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ForEachStatementSyntax forEach => forEach.Identifier,
                ParameterSyntax parameter => parameter.Identifier,
                CatchDeclarationSyntax catchDeclaration => catchDeclaration.Identifier,
                LocalFunctionStatementSyntax function => function.Identifier,
                TypeParameterSyntax typeParameter => typeParameter.Identifier,
                FromClauseSyntax from => from.Identifier,
                LetClauseSyntax let => let.Identifier,
                JoinClauseSyntax join => join.Identifier,
                JoinIntoClauseSyntax into => into.Identifier,
                QueryContinuationSyntax continuation => continuation.Identifier,
                LabeledStatementSyntax label => label.Identifier,
                _ => default,
            };
            if (identifier.RawKind != 0)
            {
                names.Add(identifier.ValueText);
            }
        }

        return _declaredNames = names;
    }
}
