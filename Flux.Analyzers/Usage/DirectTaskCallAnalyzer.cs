using Flux.Shared.Naming;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flux.Analyzers;

/// <summary>
/// FLUX301: a [Task] method invoked directly inside a [Workflow] method (including its lambdas and local functions).
/// The call runs as plain C#, without retries, events or replay. <c>nameof(M)</c> is not an invocation and is not reported;
/// calls inside task bodies are fine (a task may use another task's logic as an ordinary method).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DirectTaskCallAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DirectTaskCall);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known)
    {
        if (known.TaskAttribute is null || known.WorkflowAttribute is null)
        {
            return;
        }

        // Decide once per body whether it is a workflow's, rather than once per call in every body of the compilation.
        context.RegisterOperationBlockStartAction(start =>
        {
            if (start.OwningSymbol is IMethodSymbol workflow && known.IsWorkflow(workflow))
            {
                start.RegisterOperationAction(c => AnalyzeInvocation(c, workflow, known), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, IMethodSymbol workflow, KnownFluxTypes known)
    {
        var target = ((IInvocationOperation)context.Operation).TargetMethod.OriginalDefinition;
        if (!known.IsTask(target))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.DirectTaskCall,
            context.Operation.Syntax.GetLocation(),
            target.Name,
            workflow.Name,
            GeneratedNames.TaskProperty(target.Name)));
    }
}
