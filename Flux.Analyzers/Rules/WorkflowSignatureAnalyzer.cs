using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX104: a [Workflow] method that does not take exactly one <c>ExecutionContext&lt;TInput&gt;</c> or does not return an output
/// (<c>TOutput</c>, <c>Task&lt;TOutput&gt;</c> or <c>ValueTask&lt;TOutput&gt;</c>). Applies to declarative graphs too (a partial
/// method without a body).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkflowSignatureAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidWorkflowSignature);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known)
    {
        if (known.ExecutionContext is null)
        {
            // An older Flux.Runtime without ExecutionContext<TInput>: nothing to compare against.
            return;
        }

        context.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || !known.IsWorkflow(method))
        {
            return;
        }

        void Report(ISymbol where, string problem) =>
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidWorkflowSignature, where.GetNameLocation(), method.Name, problem));

        if (method.IsGenericMethod)
        {
            Report(method, "is generic; the generator needs concrete input and output types");
        }

        if (method.Parameters.Length != 1)
        {
            Report(method, method.Parameters.Length == 0
                ? "takes no parameter"
                : "takes " + method.Parameters.Length + " parameters; pass several values as one input record");
        }
        else
        {
            var parameter = method.Parameters[0];
            if (!SymbolEqualityComparer.Default.Equals(parameter.Type.OriginalDefinition, known.ExecutionContext))
            {
                Report(parameter, "takes '" + Display(parameter.Type) + "' instead of ExecutionContext<" + Display(parameter.Type) + ">");
            }
            else if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                Report(parameter, "takes its ExecutionContext by reference or as 'params'; take it by value");
            }
        }

        if (DescribeReturnProblem(method, known) is { } returnProblem)
        {
            Report(method, returnProblem);
        }
    }

    private static string? DescribeReturnProblem(IMethodSymbol method, KnownFluxTypes known)
    {
        var returnType = method.ReturnType;
        if (method.ReturnsVoid)
        {
            return method.IsAsync ? "is 'async void' and produces no output" : "returns void and produces no output";
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return "returns by reference";
        }

        var definition = returnType.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition, known.Task)
            || SymbolEqualityComparer.Default.Equals(definition, known.ValueTask))
        {
            return "returns '" + returnType.Name + "', which produces no output; return " + returnType.Name + "<TOutput>";
        }

        if (returnType.IsRefLikeType || returnType is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
        {
            return "returns '" + Display(returnType) + "', which cannot be stored as an output";
        }

        return null;
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
