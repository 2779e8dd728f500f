using System.Collections.Generic;
using System.Collections.Immutable;
using Flux.Shared.Declarations;
using Flux.Shared.Declarations.DeclarativeGraphs;
using Flux.Shared.Declarations.Workflows;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX104: a [Workflow] method that does not take exactly one <c>ExecutionContext&lt;TInput&gt;</c> or does not return an
/// output (<c>TOutput</c>, <c>Task&lt;TOutput&gt;</c> or <c>ValueTask&lt;TOutput&gt;</c>), and a declarative graph (a partial
/// method without a body) that does not return <c>Task&lt;TOutput&gt;</c> or <c>ValueTask&lt;TOutput&gt;</c>: the rule of
/// <see cref="WorkflowSignatureReader"/>, which the generators follow.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkflowSignatureAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DiagnosticDescriptors.Supported(FluxDiagnostics.InvalidWorkflowSignature, FluxDiagnostics.InvalidDeclarativeWorkflowSignature);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known)
    {
        if (known.ExecutionContext is null)
        {
            // An older Flux.Runtime without ExecutionContext<TInput>: nothing to compare against.
            return;
        }

        context.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || !known.IsWorkflow(method))
        {
            return;
        }

        var declarative = method.IsPartialDefinition && DeclarativeGraphReader.HasGraphAttributes(method);
        var problems = new List<DeclarationProblem>();
        WorkflowSignatureReader.Read(method, declarative, problems);
        foreach (var problem in problems)
        {
            context.ReportDiagnostic(DiagnosticDescriptors.Create(problem));
        }
    }
}
