using System.Collections.Generic;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Tasks;

/// <summary>
/// FLUX102: whether the generator can wrap a <c>[Task]</c> method in a handle. A call's arguments are stored, recorded
/// and replayed, so they are plain values passed by value (no <c>ref</c>/<c>out</c>/<c>in</c>, <c>params</c>, pointer or
/// ref struct), the method is not generic, and it returns a value, <c>void</c>, or an awaitable of either (not
/// <c>async void</c>, not by reference); the runtime supplies at most one <c>CancellationToken</c>.
/// </summary>
/// <remarks>
/// A signature with a type that does not bind is not wrapped either, and not reported: the compiler reports it. With
/// <c>problems</c> null (the generator) the reader stops at the first problem; with a list (the analyzer) it adds
/// every problem, each where it is: on the parameter, or on the method name.
/// </remarks>
internal static class TaskSignatureReader
{
    public static TaskSignature? Read(IMethodSymbol method, List<DeclarationProblem>? problems)
    {
        if (method.MethodKind != MethodKind.Ordinary)
        {
            return null;
        }

        var valid = true;
        bool Report(ISymbol where, string reason)
        {
            valid = false;
            problems?.Add(new DeclarationProblem(FluxDiagnostics.UnsupportedTaskSignature, SymbolFacts.NameLocation(where), new[] { method.Name, reason }));
            return problems is not null;
        }

        if (method.IsGenericMethod && !Report(method, "it is generic; declare one non-generic task per type argument you need"))
        {
            return null;
        }

        if (method.IsVararg && !Report(method, "it takes '__arglist'; take the values as ordinary parameters"))
        {
            return null;
        }

        if (method.IsAsync && method.ReturnsVoid
            && !Report(method, "it is 'async void', so its completion and errors cannot be observed; return 'Task' instead"))
        {
            return null;
        }

        // Each read of a Type or ReturnType makes a new public symbol (with its nullable annotation): read each once.
        var returnType = method.ReturnType;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            if (!Report(method, "it returns by reference; return the value itself"))
            {
                return null;
            }
        }
        else if (!method.ReturnsVoid && Unstorable(returnType) is { } returnProblem
            && !Report(method, "its return type '" + Display(returnType) + "' " + returnProblem + "; return an ordinary value (or an array) instead"))
        {
            return null;
        }

        var parameters = method.Parameters;
        var types = new ITypeSymbol[parameters.Length];
        var values = new List<IParameterSymbol>(parameters.Length);
        var takesToken = false;
        var bindable = !FluxSymbols.HasErrorType(returnType);
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var type = types[i] = parameter.Type;
            bindable &= !FluxSymbols.HasErrorType(type);
            if (parameter.RefKind != RefKind.None
                && !Report(parameter, "parameter '" + parameter.Name + "' is passed by '" + DescribeRefKind(parameter.RefKind) + "'; take it by value and return what the task computes"))
            {
                return null;
            }

            if (parameter.IsParams
                && !Report(parameter, "parameter '" + parameter.Name + "' is 'params'; remove 'params' and take an array or a list"))
            {
                return null;
            }

            if (Unstorable(type) is { } parameterProblem
                && !Report(parameter, "parameter '" + parameter.Name + "' of type '" + Display(type) + "' " + parameterProblem + "; take an ordinary value (or an array) instead"))
            {
                return null;
            }

            if (FluxSymbols.IsCancellationToken(type))
            {
                if (takesToken
                    && !Report(parameter, "parameter '" + parameter.Name + "' is a second CancellationToken; the runtime supplies exactly one, so keep a single CancellationToken parameter"))
                {
                    return null;
                }

                takesToken = true;
                continue;
            }

            values.Add(parameter);
        }

        if (!valid || !bindable)
        {
            return null;
        }

        var (body, result) = FluxSymbols.Classify(method, returnType);
        return new TaskSignature(method, body, result, values, takesToken, types);
    }

    /// <summary>Why a value of this type cannot be stored in a TaskCall or recorded as an event, or null if it can.</summary>
    private static string? Unstorable(ITypeSymbol type) => type switch
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
