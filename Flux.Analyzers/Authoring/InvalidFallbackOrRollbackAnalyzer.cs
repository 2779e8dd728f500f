using System.Collections.Generic;
using System.Collections.Immutable;
using Flux.Shared.Declarations;
using Flux.Shared.Declarations.Tasks;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX106: <c>[Task(Fallback = ...)]</c> or <c>[Task(Rollback = ...)]</c> names a method the generated handle cannot
/// call: it does not exist in the task's class, or it does not take the task's parameters (the same types, in order; a
/// <c>CancellationToken</c> may be added anywhere or left out), or it is an instance method for a static task, generic
/// or <c>async void</c>; or (for a fallback) its result does not convert implicitly to the task's result. The rules are
/// <see cref="CompanionReader"/>'s: a companion the generator cannot call is one it leaves out, and this rule says why.
/// A task whose own signature cannot be wrapped (FLUX102) is not judged further.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidFallbackOrRollbackAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Supported(FluxDiagnostics.InvalidFallbackOrRollback);

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

        var values = TaskAttributeReader.Read(method, attribute, problems: null, context.CancellationToken);
        var problems = new List<DeclarationProblem>();
        if (values.Fallback is { } fallback)
        {
            CompanionReader.Read(signature, fallback, isFallback: true, attribute, context.Compilation, problems, context.CancellationToken);
        }

        if (values.Rollback is { } rollback)
        {
            CompanionReader.Read(signature, rollback, isFallback: false, attribute, context.Compilation, problems, context.CancellationToken);
        }

        foreach (var problem in problems)
        {
            context.ReportDiagnostic(DiagnosticDescriptors.Create(problem));
        }
    }
}
