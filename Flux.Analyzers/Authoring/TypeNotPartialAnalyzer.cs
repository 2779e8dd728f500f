using System.Collections.Immutable;
using Flux.Shared.Declarations.Types;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX101: a [Task] or [Workflow] method whose containing type is not a partial class, or one of whose enclosing types is
/// not partial (enclosing types may be partial structs or records), or is file-local. The rule is
/// <see cref="ContainingTypeReader"/>'s, the one the generator follows. Reported once per offending type, on its name,
/// so a class with ten tasks gets one diagnostic.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TypeNotPartialAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Supported(FluxDiagnostics.TypeNotPartial);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known) =>
        context.RegisterSymbolAction(c => AnalyzeType(c, known), SymbolKind.NamedType);

    private static void AnalyzeType(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var direct = FindDirectFluxMethod(type, known);
        if ((direct ?? FindNestedFluxMethod(type, known)) is not { } found
            || ContainingTypeReader.Check(type, direct is not null, found.Method, found.Attribute, context.CancellationToken) is not { } problem)
        {
            return;
        }

        context.ReportDiagnostic(DiagnosticDescriptors.Create(problem));
    }

    private static (IMethodSymbol Method, string Attribute)? FindDirectFluxMethod(INamedTypeSymbol type, KnownFluxTypes known)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method)
            {
                if (known.IsTask(method))
                {
                    return (method, "Task");
                }

                if (known.IsWorkflow(method))
                {
                    return (method, "Workflow");
                }
            }
        }

        return null;
    }

    private static (IMethodSymbol Method, string Attribute)? FindNestedFluxMethod(INamedTypeSymbol type, KnownFluxTypes known)
    {
        foreach (var nested in type.GetTypeMembers())
        {
            if ((FindDirectFluxMethod(nested, known) ?? FindNestedFluxMethod(nested, known)) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
