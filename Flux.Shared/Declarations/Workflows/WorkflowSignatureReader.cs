using System.Collections.Generic;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Workflows;

/// <summary>
/// FLUX104: a <c>[Workflow]</c> method takes exactly one <c>ExecutionContext&lt;TInput&gt;</c> by value and returns an
/// output: <c>TOutput</c>, <c>Task&lt;TOutput&gt;</c> or <c>ValueTask&lt;TOutput&gt;</c>; it is not generic. A declarative
/// graph (a bodiless partial declaration) returns <c>Task&lt;TOutput&gt;</c> or <c>ValueTask&lt;TOutput&gt;</c>, since the
/// body the generator writes awaits its nodes.
/// </summary>
/// <remarks>
/// A signature with a type that does not bind is not exposed, and not reported: the compiler reports it. With
/// <c>problems</c> null (the generator) the reader stops at the first problem; with a list (the analyzer) it adds every one.
/// </remarks>
internal static class WorkflowSignatureReader
{
    public static WorkflowSignature? Read(IMethodSymbol method, bool declarative, List<DeclarationProblem>? problems)
    {
        if (method.MethodKind != MethodKind.Ordinary)
        {
            return null;
        }

        var valid = true;
        bool Report(ISymbol where, string problem)
        {
            valid = false;
            problems?.Add(new DeclarationProblem(FluxDiagnostics.InvalidWorkflowSignature, SymbolFacts.NameLocation(where), new[] { method.Name, problem }));
            return problems is not null;
        }

        if (method.IsGenericMethod && !Report(method, "is generic; the generator needs concrete input and output types"))
        {
            return null;
        }

        INamedTypeSymbol? context = null;
        var parameters = method.Parameters; // Each read makes a new array: read it once.
        if (parameters.Length != 1)
        {
            if (!Report(method, parameters.Length == 0
                ? "takes no parameter"
                : "takes " + parameters.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " parameters; pass several values as one input record"))
            {
                return null;
            }
        }
        else
        {
            var parameter = parameters[0];
            if (!FluxSymbols.IsExecutionContext(parameter.Type))
            {
                if (!FluxSymbols.HasErrorType(parameter.Type)
                    && !Report(parameter, "takes '" + Display(parameter.Type) + "' instead of ExecutionContext<" + Display(parameter.Type) + ">"))
                {
                    return null;
                }

                valid = false;
            }
            else if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                if (!Report(parameter, "takes its ExecutionContext by reference or as 'params'; take it by value"))
                {
                    return null;
                }
            }
            else
            {
                context = (INamedTypeSymbol)parameter.Type;
            }
        }

        var (body, output) = FluxSymbols.Classify(method);
        if (ReturnProblem(method, body, output) is { } returnProblem && !Report(method, returnProblem))
        {
            return null;
        }

        if (declarative && body == BodyKind.Value && output is not null && !FluxSymbols.HasErrorType(output))
        {
            // The generated body awaits its nodes: it cannot return a plain value.
            valid = false;
            problems?.Add(new DeclarationProblem(
                FluxDiagnostics.InvalidDeclarativeWorkflowSignature, SymbolFacts.NameLocation(method), new[] { method.Name, Display(output) }));
        }

        if (!valid || context is null || output is null || FluxSymbols.HasErrorType(context) || FluxSymbols.HasErrorType(method.ReturnType))
        {
            return null;
        }

        return new WorkflowSignature(method, context, context.TypeArguments[0], output, body);
    }

    private static string? ReturnProblem(IMethodSymbol method, BodyKind body, ITypeSymbol? output)
    {
        if (method.ReturnsVoid)
        {
            return method.IsAsync ? "is 'async void' and produces no output" : "returns void and produces no output";
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return "returns by reference";
        }

        if (body is BodyKind.Task or BodyKind.ValueTask)
        {
            return "returns '" + method.ReturnType.Name + "', which produces no output; return " + method.ReturnType.Name + "<TOutput>";
        }

        if (output is not null && FluxSymbols.IsUnstorable(output))
        {
            return "returns '" + Display(method.ReturnType) + "', which cannot be stored as an output";
        }

        return null;
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
