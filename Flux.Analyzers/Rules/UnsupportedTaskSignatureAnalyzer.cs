using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX102: a [Task] method whose signature the generator cannot wrap in a handle. The generator skips such a method;
/// this rule says why. Each problem is reported where it is: on the parameter, or on the method name.
/// </summary>
/// <remarks>A non-generic <c>Task</c>/<c>ValueTask</c> or <c>void</c> result is supported: the task then has no value.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedTaskSignatureAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnsupportedTaskSignature);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known) =>
        context.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || !known.IsTask(method))
        {
            return;
        }

        void Report(ISymbol where, string reason) =>
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnsupportedTaskSignature, where.GetNameLocation(), method.Name, reason));

        if (method.IsGenericMethod)
        {
            Report(method, "it is generic; declare one non-generic task per type argument you need");
        }

        if (method.IsVararg)
        {
            Report(method, "it takes '__arglist'; take the values as ordinary parameters");
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            Report(method, "it is 'async void', so its completion and errors cannot be observed; return 'Task' instead");
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            Report(method, "it returns by reference; return the value itself");
        }
        else if (DescribeUnstorableType(method.ReturnType) is { } returnProblem)
        {
            Report(method, "its return type '" + Display(method.ReturnType) + "' " + returnProblem + "; return an ordinary value (or an array) instead");
        }

        var sawCancellationToken = false;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                Report(parameter, "parameter '" + parameter.Name + "' is passed by '" + DescribeRefKind(parameter.RefKind)
                    + "'; take it by value and return what the task computes");
            }

            if (parameter.IsParams)
            {
                Report(parameter, "parameter '" + parameter.Name + "' is 'params'; remove 'params' and take an array or a list");
            }

            if (DescribeUnstorableType(parameter.Type) is { } parameterProblem)
            {
                Report(parameter, "parameter '" + parameter.Name + "' of type '" + Display(parameter.Type) + "' " + parameterProblem
                    + "; take an ordinary value (or an array) instead");
            }

            if (SymbolEqualityComparer.Default.Equals(parameter.Type, known.CancellationToken))
            {
                if (sawCancellationToken)
                {
                    Report(parameter, "parameter '" + parameter.Name + "' is a second CancellationToken; the runtime supplies exactly one, so keep a single CancellationToken parameter");
                }

                sawCancellationToken = true;
            }
        }
    }

    /// <summary>Why a value of this type cannot be stored in a TaskCall or recorded as an event, or <see langword="null"/> if it can.</summary>
    private static string? DescribeUnstorableType(ITypeSymbol type) => type switch
    {
        IPointerTypeSymbol => "is a pointer, which cannot be stored or recorded",
        IFunctionPointerTypeSymbol => "is a function pointer, which cannot be stored or recorded",
        { IsRefLikeType: true } => "is a ref struct, which cannot be stored beyond the call",
        _ => null,
    };

    private static string DescribeRefKind(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        RefKind.RefReadOnlyParameter => "ref readonly",
        _ => refKind.ToString().ToLowerInvariant(),
    };

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
