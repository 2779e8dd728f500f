using System.Collections.Immutable;
using Flux.Fingerprints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX108: a task parameter whose type has no exact fingerprint, so a call of the task could not be given a stable id
/// (the runtime refuses such a value when the call is made). What has an encoding is decided by the generator's own
/// <see cref="FingerprintReader"/>, compiled into this assembly, so the warning and the generated encoders agree.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoExactFingerprintAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.NoExactFingerprint);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known) =>
        context.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || known.GetTaskAttribute(method) is not { } attribute)
        {
            return;
        }

        var plan = FingerprintReader.Read(method, context.Compilation, context.CancellationToken);
        foreach (var problem in plan.Problems)
        {
            var parameter = method.Parameters[problem.Parameter];
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NoExactFingerprint,
                parameter.GetNameLocation(),
                parameter.Name,
                FluxNames.EffectiveName(method, attribute),
                problem.Type,
                problem.Reason));
        }
    }
}
