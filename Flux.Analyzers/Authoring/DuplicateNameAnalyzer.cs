using Flux.Shared.Diagnostics;
using Flux.Shared.Naming;
using Flux.Shared.Declarations.Symbols;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX107: two tasks, or two workflows, with the same effective name (<c>Name</c> if set, else the method name without a
/// trailing <c>Async</c>) in one assembly. Names are collected per compilation and compared at its end; every duplicate
/// except the first in source order is reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateNameAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DiagnosticDescriptors.Supported(FluxDiagnostics.DuplicateName);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known)
    {
        var declared = new ConcurrentBag<Declaration>();
        context.RegisterSymbolAction(
            c =>
            {
                var method = (IMethodSymbol)c.Symbol;
                if (method.PartialDefinitionPart is not null)
                {
                    return;
                }

                if (known.GetTaskAttribute(method) is { } task)
                {
                    declared.Add(new Declaration("Task", GeneratedNames.RuntimeName(method.Name, FluxSymbols.NamedString(task, "Name")), method));
                }
                else if (known.GetWorkflowAttribute(method) is { } workflow)
                {
                    declared.Add(new Declaration("Workflow", GeneratedNames.RuntimeName(method.Name, FluxSymbols.NamedString(workflow, "Name")), method));
                }
            },
            SymbolKind.Method);

        context.RegisterCompilationEndAction(c =>
        {
            var groups = declared
                .GroupBy(d => (d.Kind, d.Name))
                .Where(g => g.Skip(1).Any());
            foreach (var group in groups)
            {
                var ordered = group.ToList();
                ordered.Sort(static (a, b) => SourceOrder.Compare(SymbolFacts.NameLocation(a.Method), SymbolFacts.NameLocation(b.Method)));
                var first = ordered[0];
                for (var i = 1; i < ordered.Count; i++)
                {
                    var duplicate = ordered[i];
                    c.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.DuplicateName,
                        SymbolFacts.NameLocation(duplicate.Method),
                        duplicate.Kind,
                        duplicate.Name,
                        Qualified(duplicate.Method),
                        Qualified(first.Method)));
                }
            }
        });
    }

    private static string Qualified(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name;

    private sealed record Declaration(string Kind, string Name, IMethodSymbol Method);
}
