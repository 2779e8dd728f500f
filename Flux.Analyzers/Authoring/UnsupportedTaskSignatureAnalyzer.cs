using System.Collections.Generic;
using System.Collections.Immutable;
using Flux.Shared.Declarations;
using Flux.Shared.Declarations.Tasks;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX102: a [Task] method whose signature the generator cannot wrap in a handle. The generator skips such a method;
/// this rule says why, with the reader they share (<see cref="TaskSignatureReader"/>). Each problem is reported where it
/// is: on the parameter, or on the method name.
/// </summary>
/// <remarks>A non-generic <c>Task</c>/<c>ValueTask</c> or <c>void</c> result is supported: the task then has no value.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedTaskSignatureAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Supported(FluxDiagnostics.UnsupportedTaskSignature);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known) =>
        context.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || !known.IsTask(method))
        {
            return;
        }

        var problems = new List<DeclarationProblem>();
        TaskSignatureReader.Read(method, problems);
        foreach (var problem in problems)
        {
            context.ReportDiagnostic(DiagnosticDescriptors.Create(problem));
        }
    }
}
