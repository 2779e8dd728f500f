using Flux.Shared.Diagnostics;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX101: a [Task] or [Workflow] method whose containing type is not a partial class, or one of whose enclosing types is not
/// partial (enclosing types may be partial structs or records), or is file-local.
/// Reported once per offending type, on its name, so a class with ten tasks gets one diagnostic.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TypeNotPartialAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TypeNotPartial);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known) =>
        context.RegisterSymbolAction(c => AnalyzeType(c, known), SymbolKind.NamedType);

    private static void AnalyzeType(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var direct = FindDirectFluxMethod(type, known);
        if ((direct ?? FindNestedFluxMethod(type, known)) is not { } found)
        {
            return;
        }

        var (method, attributeName) = found;
        string problem;
        string what;
        string fix;
        if (direct is not null && type.TypeKind != TypeKind.Class)
        {
            // The generator adds the handles to the method's own type, which must be a class; containing types may be
            // any partial type (a partial struct can hold a partial class with tasks).
            problem = DiagnosticProperties.NotAClass;
            what = "a " + DescribeKind(type) + ", which the generator cannot extend";
            fix = "declare '" + type.Name + "' as a partial class";
        }
        else if (!IsPartial(type, context.CancellationToken))
        {
            problem = DiagnosticProperties.NotPartial;
            what = "not partial";
            fix = "add the 'partial' modifier to '" + type.Name + "'";
        }
        else if (type.IsFileLocal)
        {
            problem = DiagnosticProperties.NotAClass;
            what = "file-local, so generated code in another file cannot extend it";
            fix = "remove the 'file' modifier from '" + type.Name + "'";
        }
        else if (type.IsRefLikeType)
        {
            problem = DiagnosticProperties.NotAClass;
            what = "a ref struct, which the generator cannot extend";
            fix = "declare '" + type.Name + "' as a partial class or an ordinary partial struct";
        }
        else
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.TypeNotPartial,
            type.GetNameLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.TypeProblem, problem),
            method.Name,
            attributeName,
            type.Name,
            what,
            fix));
    }

    private static (IMethodSymbol Method, string AttributeName)? FindDirectFluxMethod(INamedTypeSymbol type, KnownFluxTypes known)
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

    private static (IMethodSymbol Method, string AttributeName)? FindNestedFluxMethod(INamedTypeSymbol type, KnownFluxTypes known)
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

    private static bool IsPartial(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    private static string DescribeKind(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct when type.IsRecord => "record struct",
        TypeKind.Struct => "struct",
        TypeKind.Interface => "interface",
        TypeKind.Enum => "enum",
        TypeKind.Delegate => "delegate",
        _ => type.TypeKind.ToString().ToLowerInvariant(),
    };
}
