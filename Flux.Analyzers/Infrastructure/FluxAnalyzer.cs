using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// The template every Flux rule follows: concurrent, silent in generated code, and active only in compilations
/// that reference Flux. A rule derives from this class and registers its symbol or operation actions in
/// <see cref="OnCompilationStart"/>, with Flux's types already resolved.
/// </summary>
public abstract class FluxAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownFluxTypes.TryCreate(start.Compilation);
            if (known is null)
            {
                return;
            }

            OnCompilationStart(start, known);
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references Flux.</summary>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known);
}
