using System.Collections.Generic;
using System.Collections.Immutable;
using Flux.Shared.Declarations;
using Flux.Shared.Declarations.Tasks;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX105: a <c>[Task(...)]</c> option whose value the runtime's <c>TaskOptions</c> would reject: negative
/// <c>Retries</c>; a <c>RetryDelay</c>, <c>MaxRetryDelay</c> or <c>Timeout</c> that is not a duration, is negative, is
/// too long for a timer, or (for <c>Timeout</c>) is zero; a <c>RetryBackoff</c> below 1, NaN or infinite. The rule is
/// <see cref="TaskAttributeReader"/>'s: the generator emits only the options it accepts.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidTaskOptionAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Supported(FluxDiagnostics.InvalidTaskOption);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known) =>
        context.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || known.GetTaskAttribute(method) is not { } attribute)
        {
            return;
        }

        var problems = new List<DeclarationProblem>();
        TaskAttributeReader.Read(method, attribute, problems, context.CancellationToken);
        foreach (var problem in problems)
        {
            context.ReportDiagnostic(DiagnosticDescriptors.Create(problem));
        }
    }
}
