using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Flux.Shared.Diagnostics;
using Flux.Shared.Graphs;
using Flux.Shared.Graphs.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flux.Analyzers;

/// <summary>
/// FLUX001-FLUX010: judges a fluent <c>Graph</c> written out in code with the same rules, codes and messages as the
/// runtime's validation (<see cref="GraphRules"/> is one source file compiled into both). It reads a graph only when all
/// of it is known at compile time (see <see cref="FluentGraphReader"/>) and stays silent otherwise; the runtime still
/// validates every graph before its first node runs.
/// </summary>
/// <remarks>
/// Types fit as they do at run time, where a value is passed as an object: identity, reference, boxing and nullable
/// conversions of the same type. Numeric and user-defined conversions do not fit (an <c>int</c> output cannot feed a
/// <c>long</c> parameter).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GraphAnalyzer : FluxAnalyzer
{
    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> s_descriptors = new Dictionary<string, DiagnosticDescriptor>
    {
        [DiagnosticIds.GraphHasNoStart] = DiagnosticDescriptors.GraphHasNoStart,
        [DiagnosticIds.GraphHasNoEnd] = DiagnosticDescriptors.GraphHasNoEnd,
        [DiagnosticIds.GraphUnknownNode] = DiagnosticDescriptors.GraphUnknownNode,
        [DiagnosticIds.GraphDuplicateNode] = DiagnosticDescriptors.GraphDuplicateNode,
        [DiagnosticIds.GraphCycle] = DiagnosticDescriptors.GraphCycle,
        [DiagnosticIds.GraphUnreachableNode] = DiagnosticDescriptors.GraphUnreachableNode,
        [DiagnosticIds.GraphDeadEnd] = DiagnosticDescriptors.GraphDeadEnd,
        [DiagnosticIds.GraphEdgeTypeMismatch] = DiagnosticDescriptors.GraphEdgeTypeMismatch,
        [DiagnosticIds.GraphConditionTypeMismatch] = DiagnosticDescriptors.GraphConditionTypeMismatch,
        [DiagnosticIds.GraphJoinMismatch] = DiagnosticDescriptors.GraphJoinMismatch,
    }.ToImmutableDictionary();

    // As the runtime names types (it cannot see nullable reference annotations): int, int?, string, List<int>, Outer.Inner.
    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat
        .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = s_descriptors.Values.OrderBy(d => d.Id).ToImmutableArray();

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known)
    {
        var graph = context.Compilation.GetTypeByMetadataName("Flux.Graph");
        if (graph is null)
        {
            return;
        }

        var compilation = context.Compilation;
        var reader = new FluentGraphReader(
            graph,
            compilation.GetTypeByMetadataName("Flux.TaskHandle`2"),
            compilation.GetTypeByMetadataName("System.ValueTuple"));
        // A block action, not an ObjectCreation action: a diagnostic must lie inside the span of what the callback is
        // for, or the IDE treats it as non-local (no squiggle while typing, no code fix). FLUX003-FLUX010 point at
        // calls around the `new Graph(...)`, possibly in later statements, which are all inside the member's body.
        // Every member body gets this callback, so its first check is syntax only: a body that never spells Graph (and
        // has no target-typed new, in a compilation without using aliases) cannot make a Flux.Graph.
        var aliases = new Lazy<bool>(() => HasUsingAlias(compilation), System.Threading.LazyThreadSafetyMode.PublicationOnly);
        context.RegisterOperationBlockAction(c =>
        {
            if (!MayCreateGraph(c.OperationBlocks, aliases, c.CancellationToken))
            {
                return;
            }

            foreach (var block in c.OperationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    if (operation is not IObjectCreationOperation creation
                        || !SymbolEqualityComparer.Default.Equals(creation.Type, graph)
                        || reader.Read(creation) is not { } fluent)
                    {
                        continue;
                    }

                    foreach (var violation in GraphValidation.Validate(fluent.Shape, (from, to) => Fits(compilation, from, to), t => t.ToDisplayString(s_typeFormat)))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(
                            s_descriptors[violation.Code],
                            fluent.LocationOf(violation),
                            PropertiesOf(violation, fluent.Shape),
                            violation.Arguments.ToArray<object>()));
                    }
                }
            }
        });
    }

    /// <summary>
    /// Whether the blocks' syntax can contain a <c>new Graph(...)</c>: an identifier <c>Graph</c> (<c>new Graph</c>,
    /// <c>new Flux.Graph</c>, <c>Graph g = new(...)</c>), a target-typed <c>new(...)</c>, or any name at all when the
    /// compilation has a using alias (which could name Flux.Graph otherwise).
    /// </summary>
    private static bool MayCreateGraph(ImmutableArray<IOperation> blocks, Lazy<bool> aliases, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var block in blocks)
        {
            foreach (var node in block.Syntax.DescendantNodesAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (node)
                {
                    case IdentifierNameSyntax { Identifier.ValueText: "Graph" }:
                    case ImplicitObjectCreationExpressionSyntax:
                        return true;
                    case ObjectCreationExpressionSyntax when aliases.Value:
                        return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether any file declares a using alias (<c>using G = ...;</c>, global or not, at any namespace level).</summary>
    private static bool HasUsingAlias(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax root && HasAlias(root.Usings, root.Members))
            {
                return true;
            }
        }

        return false;

        static bool HasAlias(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is not null)
                {
                    return true;
                }
            }

            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns && HasAlias(ns.Usings, ns.Members))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>For FLUX001 and FLUX002, the <see cref="CandidateNodeProperty"/> when exactly one node qualifies.</summary>
    private static ImmutableDictionary<string, string?>? PropertiesOf(GraphViolation violation, GraphShape<ITypeSymbol> shape)
    {
        var start = violation.Code == DiagnosticIds.GraphHasNoStart;
        if (!start && violation.Code != DiagnosticIds.GraphHasNoEnd)
        {
            return null;
        }

        string? candidate = null;
        foreach (var name in shape.Nodes.Select(n => n.Name).Distinct())
        {
            if (shape.Edges.Any(e => (start ? e.To : e.From) == name))
            {
                continue;
            }

            if (candidate is not null)
            {
                return null;
            }

            candidate = name;
        }

        return candidate is null ? null : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.CandidateNode, candidate);
    }

    /// <summary>Whether a value of <paramref name="from"/> can be passed, as an object, where <paramref name="to"/> is expected.</summary>
    internal static bool Fits(Compilation compilation, ITypeSymbol from, ITypeSymbol to)
    {
        if (compilation is not CSharpCompilation csharp)
        {
            return true;
        }

        var conversion = csharp.ClassifyConversion(from, to);
        if (!conversion.IsImplicit)
        {
            return false;
        }

        if (conversion.IsIdentity || conversion.IsReference || conversion.IsBoxing)
        {
            return true;
        }

        // T -> T? (and T? -> T?) only: a boxed int is not a long?.
        return conversion.IsNullable
            && SymbolEqualityComparer.Default.Equals(Underlying(from), Underlying(to));
    }

    private static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
}
