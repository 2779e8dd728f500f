using System.Collections.Immutable;
using Flux.Shared.Declarations.Fingerprints;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Declarations.Tasks;
using Flux.Shared.Diagnostics;
using Flux.Shared.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX108: a task parameter whose type has no exact fingerprint, so a call of the task could not be given a stable id
/// (the runtime refuses such a value when the call is made). What has an encoding is decided by the shared
/// <see cref="FingerprintReader"/>, the part of the task-signature reading the generator emits its encoders from, so the
/// warning and the generated encoders agree. A signature FLUX102 rejects is not read further.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoExactFingerprintAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Supported(FluxDiagnostics.NoExactFingerprint);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known) =>
        context.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null
            || known.GetTaskAttribute(method) is not { } attribute
            || TaskSignatureReader.Read(method, problems: null) is not { } signature)
        {
            return;
        }

        var plan = FingerprintReader.Read(signature, context.Compilation, context.CancellationToken);
        if (plan.Problems.IsEmpty)
        {
            return;
        }

        var values = TaskAttributeReader.Read(method, attribute, problems: null, context.CancellationToken);
        var task = GeneratedNames.RuntimeName(method.Name, values.Name);
        foreach (var problem in plan.Problems)
        {
            var parameter = method.Parameters[problem.Parameter];
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NoExactFingerprint,
                SymbolFacts.NameLocation(parameter),
                parameter.Name,
                task,
                problem.Type,
                problem.Reason));
        }
    }
}
