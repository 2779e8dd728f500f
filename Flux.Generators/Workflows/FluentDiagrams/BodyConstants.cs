using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Flux.Shared.Declarations.FluentGraphs;
using Flux.Shared.Declarations.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Generators.Workflows.FluentDiagrams;

/// <summary>
/// Answers what <see cref="FluentChainReader"/> asks about one member's code (is this <c>new X(...)</c> a
/// <c>Flux.Graph</c>, what string constant is this argument) without binding the member's body.
/// </summary>
/// <remarks>
/// A semantic-model question about any node inside a method body makes Roslyn bind the whole body and run its nullable
/// analysis, and the workflow transform runs again for every workflow at every keystroke. So: literals, parentheses and
/// <c>nameof</c> are read from syntax; a simple name the body does not declare is looked up among the members of the
/// containing types (a constant field gives its value, any other member is not a constant); a type name, or a name found
/// nowhere there, is bound speculatively at the member's name, outside the body, where the same types and fields are in
/// scope but no body is bound. A name the body itself declares (a local, a parameter, a local function), and anything
/// else, is asked of the semantic model, which gives the same answers at the price of binding the body.
/// </remarks>
internal sealed class BodyConstants : IFluentConstants
{
    /// <summary>Per compilation, whether its source declares a member named <c>nameof</c> (see <see cref="NameofIsOperator"/>).</summary>
    private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>> s_declaresNameof = new();

    private readonly SemanticModel _model;
    private readonly INamedTypeSymbol _graph;
    private readonly int _position;
    private readonly SyntaxNode _body;
    private readonly INamedTypeSymbol _type;
    private readonly IEnumerable<string> _parameters;
    private readonly CancellationToken _cancellationToken;
    private HashSet<string>? _declaredNames;
    private bool? _nameofIsOperator;
    private Dictionary<string, string?>? _names;
    private Dictionary<string, bool>? _graphSpellings;

    private BodyConstants(
        SemanticModel model, INamedTypeSymbol graph, int position, SyntaxNode body, INamedTypeSymbol type, IEnumerable<string> parameters, CancellationToken cancellationToken)
    {
        _model = model;
        _graph = graph;
        _position = position;
        _body = body;
        _type = type;
        _parameters = parameters;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The constants of a method's body; null when the compilation has no <c>Flux.Graph</c>.</summary>
    public static BodyConstants? ForMethod(SemanticModel model, MethodDeclarationSyntax declaration, SyntaxNode body, IMethodSymbol method, CancellationToken cancellationToken) =>
        model.Compilation.GetTypeByMetadataName(FluxSymbols.Graph) is { } graph
            ? new BodyConstants(model, graph, declaration.Identifier.SpanStart, body, method.ContainingType, Names(method.Parameters), cancellationToken)
            : null;

    /// <summary>The constants of another member's code (a helper's body, a field's initializer), at <paramref name="position"/>, its name.</summary>
    public static BodyConstants? ForMember(SemanticModel model, int position, SyntaxNode code, ISymbol member, CancellationToken cancellationToken) =>
        model.Compilation.GetTypeByMetadataName(FluxSymbols.Graph) is { } graph
            ? new BodyConstants(model, graph, position, code, member.ContainingType, member is IMethodSymbol method ? Names(method.Parameters) : new string[0], cancellationToken)
            : null;

    /// <summary>Whether <paramref name="creation"/> makes a <c>Flux.Graph</c> (spelled <c>Graph</c>, <c>Flux.Graph</c>, <c>global::Flux.Graph</c>, through an alias, or target-typed).</summary>
    public bool IsGraph(BaseObjectCreationExpressionSyntax creation)
    {
        var type = creation switch
        {
            ObjectCreationExpressionSyntax explicitType => explicitType.Type,
            _ => TargetType(creation),
        };

        // Syntax first: a qualified name must end in Graph; a simple name may be an alias, so it is bound (a lookup).
        var spelledGraph = type switch
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

        // One binding per spelling in a member: a chain and its helper often spell Graph the same way.
        var key = type!.ToString();
        _graphSpellings ??= new Dictionary<string, bool>(System.StringComparer.Ordinal);
        if (!_graphSpellings.TryGetValue(key, out var isGraph))
        {
            isGraph = SymbolEqualityComparer.Default.Equals(_model.GetSpeculativeTypeInfo(_position, type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type, _graph);
            _graphSpellings[key] = isGraph;
        }

        return isGraph;
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
                // A chain repeats its names (the start node in AddNode, AddEdge and StartWith): decide each spelling once.
                var key = expression.ToString();
                _names ??= new Dictionary<string, string?>(System.StringComparer.Ordinal);
                if (_names.TryGetValue(key, out var known))
                {
                    return known;
                }

                if (expression is IdentifierNameSyntax simple && MemberOfContainingTypes(simple.Identifier.ValueText) is { } member)
                {
                    return _names[key] = member is IFieldSymbol { IsConst: true } field ? ConstantOf(field) : null;
                }

                switch (_model.GetSpeculativeSymbolInfo(_position, expression, SpeculativeBindingOption.BindAsExpression).Symbol)
                {
                    case IFieldSymbol { IsConst: true } field:
                        return _names[key] = ConstantOf(field);
                    case IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol or IParameterSymbol or ILocalSymbol:
                        return _names[key] = null; // Bound as it is in the body (nothing there hides it): not a constant.
                }

                break;
        }

        // Not decidable from syntax (a local constant, a concatenation, an interpolation...): bind it, as before.
        return _model.GetConstantValue(expression, _cancellationToken) is { HasValue: true, Value: string text } ? text : null;
    }

    /// <summary>
    /// A string constant's value: read from its declaration when that is a string literal (evaluating a constant makes
    /// the compiler order every constant it depends on, once per compilation, at every keystroke), else evaluated.
    /// </summary>
    private string? ConstantOf(IFieldSymbol field)
    {
        if (field.DeclaringSyntaxReferences.Length == 1
            && field.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is VariableDeclaratorSyntax
            {
                Initializer.Value: LiteralExpressionSyntax literal,
                Parent: VariableDeclarationSyntax { Type: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword } },
            }
            && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return literal.Token.ValueText;
        }

        return field.ConstantValue as string;
    }

    private static IEnumerable<string> Names(IEnumerable<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            yield return parameter.Name;
        }
    }

    /// <summary>The type a target-typed <c>new(...)</c> takes from its declaration (<c>Graph g = new("g");</c>), or null.</summary>
    private static TypeSyntax? TargetType(BaseObjectCreationExpressionSyntax creation) => creation.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
        _ => null,
    };

    /// <summary>
    /// The member a simple name means when a containing type (or a base of one) declares it, innermost first, as C#'s
    /// lookup finds it; null when none does (or when a type parameter could hide it), to be bound instead.
    /// </summary>
    private ISymbol? MemberOfContainingTypes(string name)
    {
        for (var type = _type; type is not null; type = type.ContainingType)
        {
            foreach (var parameter in type.TypeParameters)
            {
                if (parameter.Name == name)
                {
                    return null;
                }
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (ReferenceEquals(current, type) || member.DeclaredAccessibility != Accessibility.Private)
                    {
                        return member;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="expression"/> is a name, or a chain of member accesses on one, whose first name the body
    /// does not declare, so that it means in the body what it means at the member's name.
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

    /// <summary>
    /// <c>nameof(...)</c> is the operator unless something named <c>nameof</c> is in scope: the body declares none, and no
    /// member anywhere in the compilation's source is named so (the declaration table answers without binding anything).
    /// </summary>
    private bool NameofIsOperator() =>
        _nameofIsOperator ??= !DeclaredNames().Contains("nameof")
            && (!DeclaresNameof(_model.Compilation, _cancellationToken) || _model.LookupSymbols(_position, name: "nameof").IsEmpty);

    /// <summary>Whether the compilation's source declares a member named <c>nameof</c>: asked once per compilation, not once per workflow.</summary>
    private static bool DeclaresNameof(Compilation compilation, CancellationToken cancellationToken)
    {
        return s_declaresNameof.TryGetValue(compilation, out var known)
            ? known.Value
            : Remember(compilation, compilation.ContainsSymbolsWithName("nameof", SymbolFilter.Member, cancellationToken));
    }

    private static bool Remember(Compilation compilation, bool declares) =>
        s_declaresNameof.GetValue(compilation, _ => new StrongBox<bool>(declares)).Value;

    /// <summary>Every name the member declares for its code: parameters, locals, local functions, lambda parameters, range variables.</summary>
    private HashSet<string> DeclaredNames()
    {
        if (_declaredNames is { } known)
        {
            return known;
        }

        var names = new HashSet<string>(_parameters, System.StringComparer.Ordinal);
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
