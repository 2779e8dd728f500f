using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Flux.Shared.Declarations.FluentGraphs;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Diagnostics;
using Flux.Shared.Graphs;
using Flux.Shared.Graphs.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX001-FLUX010 on fluent graphs, wherever one is written with constant names (read by the shared
/// <see cref="FluentChainReader"/>): run, built or drawn in place, or leaving the code that builds it (returned, stored
/// in a field or property, passed on, built statement by statement in a local that is returned). The rules, codes and
/// messages are the runtime's (<see cref="GraphValidation"/>, one source). A graph that leaves its code is judged by the
/// rules no later call can repair, and by all of them once it says it is complete (it has a <c>StartWith</c> or an
/// <c>EndWith</c>); see docs/fluent-graphs.md. A graph run with <c>RunAsync&lt;TInput, TOutput&gt;</c> is also checked
/// against its start nodes' input and its end nodes' outputs (FLUX008), as the runtime checks it.
/// </summary>
/// <remarks>
/// Types fit as they do at run time, where a value is passed as an object: identity, reference, boxing and nullable
/// conversions of the same type. Numeric and user-defined conversions do not fit (an <c>int</c> output cannot feed a
/// <c>long</c> parameter).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FluentGraphAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Supported(
        FluxDiagnostics.GraphHasNoStart,
        FluxDiagnostics.GraphHasNoEnd,
        FluxDiagnostics.GraphUnknownNode,
        FluxDiagnostics.GraphDuplicateNode,
        FluxDiagnostics.GraphCycle,
        FluxDiagnostics.GraphUnreachableNode,
        FluxDiagnostics.GraphDeadEnd,
        FluxDiagnostics.GraphEdgeTypeMismatch,
        FluxDiagnostics.GraphRunInputMismatch,
        FluxDiagnostics.GraphRunOutputMismatch,
        FluxDiagnostics.GraphConditionTypeMismatch,
        FluxDiagnostics.GraphJoinMismatch);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known)
    {
        var compilation = context.Compilation;
        if (known.Graph is not { } graph)
        {
            return;
        }

        var taskHandle = known.TaskHandleOfT;
        var valueTuple = known.ValueTuple;

        // A block action, not an ObjectCreation action: a diagnostic must lie inside the span of what the callback is
        // for, or the IDE treats it as non-local (no squiggle while typing, no code fix). FLUX003-FLUX010 point at calls
        // around the `new Graph(...)`, possibly in later statements, which are all inside the member's body or
        // initializer. Every body gets this callback, so its first check is syntax only: a body that never spells Graph
        // (and has no target-typed new, in a compilation without using aliases) cannot make a Flux.Graph.
        var aliases = new Lazy<bool>(() => HasUsingAlias(compilation), LazyThreadSafetyMode.PublicationOnly);
        context.RegisterOperationBlockAction(c =>
        {
            if (c.OperationBlocks.IsEmpty
                || !MayCreateGraph(c.OperationBlocks, aliases, c.CancellationToken)
                || c.OperationBlocks[0].SemanticModel is not { } model)
            {
                return;
            }

            var constants = new SemanticFluentConstants(model, graph, c.CancellationToken);
            foreach (var block in c.OperationBlocks)
            {
                foreach (var node in block.Syntax.DescendantNodesAndSelf())
                {
                    if (node is BaseObjectCreationExpressionSyntax creation
                        && FluentChainReader.Read(creation, constants, c.CancellationToken) is { } chain)
                    {
                        Judge(c, chain, model, taskHandle, valueTuple);
                    }
                }
            }
        });
    }

    private static void Judge(OperationBlockAnalysisContext context, FluentChain chain, SemanticModel model, INamedTypeSymbol? taskHandle, INamedTypeSymbol? valueTuple)
    {
        var compilation = model.Compilation;
        var cancellationToken = context.CancellationToken;
        var shape = chain.Shape<ITypeSymbol>(
            call => ReadTask(model.GetTypeInfo(call.SecondArgument!, cancellationToken).Type, taskHandle, valueTuple),
            call => model.GetSymbolInfo(call.Invocation, cancellationToken).Symbol is IMethodSymbol { TypeArguments.Length: 1 } method ? method.TypeArguments[0] : null);

        var violations = GraphValidation.Validate(shape, (from, to) => TypeFit.Fits(compilation, from, to), TypeFit.Display, chain.MayBeExtended);
        foreach (var violation in violations)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.Of(violation.Diagnostic),
                chain.LocationOf(violation),
                PropertiesOf(violation, shape),
                violation.Arguments.ToArray<object>()));
        }

        CheckRunTypes(context, chain, shape, model);
    }

    /// <summary>
    /// A graph run with <c>RunAsync&lt;TInput, TOutput&gt;</c> (on the graph or on what <c>Build()</c> made of it): every
    /// start node takes TInput first, every end node's result fits TOutput (FLUX008), as the runtime checks before a run.
    /// </summary>
    private static void CheckRunTypes(OperationBlockAnalysisContext context, FluentChain chain, GraphShape<ITypeSymbol> shape, SemanticModel model)
    {
        var run = chain.Terminal;
        if (run is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build" } }
            && run.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax afterBuild } access
            && access.Expression == run)
        {
            run = afterBuild;
        }

        if (run is not { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "RunAsync" } generic } }
            || model.GetSymbolInfo(run, context.CancellationToken).Symbol is not IMethodSymbol { TypeArguments.Length: 2 } method
            || generic.TypeArgumentList.Arguments.Count != 2)
        {
            return;
        }

        var compilation = model.Compilation;
        var input = method.TypeArguments[0];
        var output = method.TypeArguments[1];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in shape.Nodes)
        {
            if (!seen.Add(node.Name))
            {
                continue; // The first AddNode of a name is the node (FLUX004 reports the others).
            }

            if (shape.Starts.Contains(node.Name) && node.ParameterTypes is { Count: > 0 } parameters && !TypeFit.Fits(compilation, input, parameters[0]))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.Of(FluxDiagnostics.GraphRunInputMismatch),
                    generic.TypeArgumentList.Arguments[0].GetLocation(),
                    chain.Name,
                    node.Name,
                    TypeFit.Display(parameters[0]),
                    TypeFit.Display(input)));
            }

            if (shape.Ends.Contains(node.Name) && node.ResultType is { } result && !TypeFit.Fits(compilation, result, output))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.Of(FluxDiagnostics.GraphRunOutputMismatch),
                    generic.TypeArgumentList.Arguments[1].GetLocation(),
                    chain.Name,
                    node.Name,
                    TypeFit.Display(result),
                    TypeFit.Display(output)));
            }
        }
    }

    /// <summary>The parameter and result types of a task handle type: <c>TaskHandle&lt;TArguments, TResult&gt;</c>, where TArguments is the one parameter, a tuple of them, or ValueTuple for none.</summary>
    private static (IReadOnlyList<ITypeSymbol>? Parameters, ITypeSymbol? Result) ReadTask(ITypeSymbol? type, INamedTypeSymbol? taskHandle, INamedTypeSymbol? valueTuple)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (!SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, taskHandle))
            {
                continue;
            }

            var arguments = current.TypeArguments[0];
            var result = current.TypeArguments[1];
            if (SymbolEqualityComparer.Default.Equals(arguments, valueTuple))
            {
                return (Array.Empty<ITypeSymbol>(), result);
            }

            if (arguments is INamedTypeSymbol { IsTupleType: true } tuple)
            {
                return (tuple.TupleElements.Select(e => e.Type).ToList(), result);
            }

            return (new[] { arguments }, result);
        }

        return (null, null);
    }

    /// <summary>
    /// Whether the blocks' syntax can contain a <c>new Graph(...)</c>: an identifier <c>Graph</c> (<c>new Graph</c>,
    /// <c>new Flux.Graph</c>, <c>Graph g = new(...)</c>), a target-typed <c>new(...)</c>, or any name at all when the
    /// compilation has a using alias (which could name Flux.Graph otherwise).
    /// </summary>
    private static bool MayCreateGraph(ImmutableArray<IOperation> blocks, Lazy<bool> aliases, CancellationToken cancellationToken)
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

    /// <summary>For FLUX001 and FLUX002, the <see cref="DiagnosticProperties.CandidateNode"/> when exactly one node qualifies.</summary>
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
}
