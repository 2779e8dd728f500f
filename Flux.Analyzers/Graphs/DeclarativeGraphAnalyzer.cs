using System.Collections.Immutable;
using Flux.Shared.Declarations.DeclarativeGraphs;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Diagnostics;
using Flux.Shared.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX001-FLUX011 on declarative graphs: a <c>[Workflow]</c> partial method declaration whose <c>[Node]</c>,
/// <c>[Edge]</c>, <c>[StartWith]</c> and <c>[EndWith]</c> attributes declare a graph. The graph is always known at
/// compile time, so every rule is checked, with the same rules as the runtime and the same reader as the generator
/// (<see cref="DeclarativeGraphReader"/>, in Flux.Shared), and reported on the attribute or argument at fault.
/// </summary>
/// <remarks>
/// Besides the graph rules it reports what only the declarative form can get wrong: a <c>[Node]</c> that names a method
/// that is not a <c>[Task]</c> (FLUX003), a <c>When</c> that names a missing or ill-typed method or a <c>Case</c> that does
/// not fit it (FLUX009), a start or end node whose type does not fit the workflow's signature (FLUX008), and an enum
/// router that leaves a case without an edge (FLUX011, exhaustive routing).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarativeGraphAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Supported(
        FluxDiagnostics.GraphHasNoStart,
        FluxDiagnostics.GraphHasNoEnd,
        FluxDiagnostics.GraphUnknownNode,
        FluxDiagnostics.GraphNodeIsNotATask,
        FluxDiagnostics.GraphDuplicateNode,
        FluxDiagnostics.GraphCycle,
        FluxDiagnostics.GraphUnreachableNode,
        FluxDiagnostics.GraphDeadEnd,
        FluxDiagnostics.GraphEdgeTypeMismatch,
        FluxDiagnostics.GraphStartTypeMismatch,
        FluxDiagnostics.GraphEndTypeMismatch,
        FluxDiagnostics.GraphConditionTypeMismatch,
        FluxDiagnostics.GraphInvalidCondition,
        FluxDiagnostics.GraphJoinMismatch,
        FluxDiagnostics.GraphRouteNotExhaustive);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known)
    {
        if (known.NodeAttribute is null)
        {
            // A Flux.Runtime without declarative graphs.
            return;
        }

        context.RegisterSymbolAction(c => Analyze(c, known), SymbolKind.Method);
    }

    private static void Analyze(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!method.IsPartialDefinition
            || known.GetWorkflowAttribute(method) is not { } workflow
            || (method.PartialImplementationPart is { } implementation && !SymbolFacts.IsDeclaredInGeneratedCode(implementation, context.CancellationToken)))
        {
            return;
        }

        var (input, output) = Signature(method);
        var name = GeneratedNames.RuntimeName(method.Name, FluxSymbols.NamedString(workflow, "Name"));
        var graph = DeclarativeGraphReader.Read(method, name, context.Compilation, input, output, context.CancellationToken);
        foreach (var problem in graph.Problems)
        {
            context.ReportDiagnostic(DiagnosticDescriptors.Create(problem));
        }
    }

    /// <summary>The workflow's input and output types, when its signature is one the generator implements (FLUX104 explains the others).</summary>
    private static (ITypeSymbol? Input, ITypeSymbol? Output) Signature(IMethodSymbol method)
    {
        if (method.Parameters.Length == 1
            && method.Parameters[0].Type is INamedTypeSymbol { Name: "ExecutionContext", Arity: 1 } context
            && method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", Arity: 1 } result)
        {
            return (context.TypeArguments[0], result.TypeArguments[0]);
        }

        return (null, null);
    }
}
