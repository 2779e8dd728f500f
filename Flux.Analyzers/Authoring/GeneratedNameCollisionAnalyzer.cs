using System.Collections.Generic;
using System.Collections.Immutable;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Declarations.Types;
using Flux.Shared.Diagnostics;
using Flux.Shared.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX103: a name the generator would add for a task or workflow (every name of <see cref="GeneratedNames"/>:
/// <c>MTask</c>, <c>MTaskHandle</c>, <c>WWorkflow</c>, <c>WDiagram</c> and the handles' backing fields) is already taken in
/// the containing type (by a member, an inherited member, a type parameter, or the type's own name), or two methods of one
/// type map to the same generated name (<c>Foo</c> and <c>FooAsync</c>, or overloads). Reported on the method name, once per
/// method; the colliding name is in <see cref="DiagnosticProperties.GeneratedName"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeneratedNameCollisionAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Supported(FluxDiagnostics.GeneratedNameCollision);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known) =>
        context.RegisterSymbolAction(c => AnalyzeType(c, known), SymbolKind.NamedType);

    private static void AnalyzeType(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var type = (INamedTypeSymbol)context.Symbol;

        // Generated name -> the first method (in source order) that claims it.
        Dictionary<string, IMethodSymbol>? claimed = null;
        foreach (var method in SortedFluxMethods(type, known))
        {
            var isTask = known.IsTask(method);
            var names = isTask ? GeneratedNames.ForTask(method.Name, method.IsStatic) : GeneratedNames.ForWorkflow(method.Name);
            claimed ??= new Dictionary<string, IMethodSymbol>(System.StringComparer.Ordinal);
            foreach (var name in names)
            {
                var reason = GeneratedNameReader.WhyTaken(type, name.Name, context.CancellationToken);
                if (reason is null && claimed.TryGetValue(name.Name, out var first))
                {
                    reason = (known.IsTask(first) ? "task" : "workflow") + " method '" + first.Name + "' generates the same name";
                }

                if (reason is not null)
                {
                    context.ReportDiagnostic(DiagnosticDescriptors.Create(GeneratedNameReader.Problem(method, isTask, name.Name, reason)));
                    break;
                }

                claimed[name.Name] = method;
            }
        }
    }

    /// <summary>The [Task]/[Workflow] methods declared in the type, in source order, so the first of a clashing pair is stable.</summary>
    private static List<IMethodSymbol> SortedFluxMethods(INamedTypeSymbol type, KnownFluxTypes known)
    {
        var methods = new List<IMethodSymbol>();
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { PartialDefinitionPart: null } method && (known.IsTask(method) || known.IsWorkflow(method)))
            {
                methods.Add(method);
            }
        }

        methods.Sort(static (a, b) => SourceOrder.Compare(SymbolFacts.NameLocation(a), SymbolFacts.NameLocation(b)));
        return methods;
    }
}
