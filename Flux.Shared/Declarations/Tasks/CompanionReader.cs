using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Tasks;

/// <summary>
/// FLUX106: <c>[Task(Fallback = ...)]</c> or <c>[Task(Rollback = ...)]</c> names a method the generated handle can
/// call: a non-generic method of the task's class (static for a static task) that takes the task's parameters in order
/// (the same types; a <c>CancellationToken</c> may be added anywhere or left out), is not <c>async void</c>, and, for a
/// fallback, produces a result that converts implicitly to the task's (unwrapped from <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>).
/// The first overload that fits is the one called; when none does, the problem names why the first one does not.
/// </summary>
internal static class CompanionReader
{
    public static Companion? Read(
        TaskSignature task,
        string name,
        bool isFallback,
        AttributeData attribute,
        Compilation compilation,
        List<DeclarationProblem>? problems,
        CancellationToken cancellationToken)
    {
        var method = task.Method;
        var type = method.ContainingType;
        var expected = ExpectedSignature(task, name, isFallback);
        var members = type.GetMembers(name);
        (string What, string Fix)? first = null;
        var candidates = 0;
        foreach (var member in members)
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } candidate || SymbolEqualityComparer.Default.Equals(candidate, method))
            {
                continue;
            }

            candidates++;
            var (companion, problem) = Check(candidate, task, isFallback, expected, compilation);
            if (companion is not null)
            {
                return companion;
            }

            first ??= problem;
        }

        if (problems is not null)
        {
            var (what, fix) = candidates switch
            {
                0 => (
                    members.Length > 0 && SymbolEqualityComparer.Default.Equals(members[0], method) ? "is the task itself"
                        : members.IsEmpty ? "does not exist in '" + type.Name + "'"
                        : "is not a method",
                    "declare '" + expected + "' in '" + type.Name + "' and name it with nameof(...)"),
                1 => first!.Value,
                _ => ("has no overload that fits (the first one " + first!.Value.What + ")", first.Value.Fix),
            };
            problems.Add(new DeclarationProblem(
                FluxDiagnostics.InvalidFallbackOrRollback,
                TaskAttributeReader.LocateArgument(attribute, isFallback ? "Fallback" : "Rollback", method, cancellationToken),
                new[] { method.Name, isFallback ? "fallback" : "rollback", name, what, fix }));
        }

        return null;
    }

    private static (Companion? Companion, (string What, string Fix)? Problem) Check(
        IMethodSymbol candidate, TaskSignature task, bool isFallback, string expected, Compilation compilation)
    {
        if (candidate.IsGenericMethod)
        {
            return (null, ("is generic", "make it non-generic: '" + expected + "'"));
        }

        if (candidate.IsVararg || candidate.ReturnsByRef || candidate.ReturnsByRefReadonly)
        {
            return (null, ("returns by reference or takes '__arglist'", "declare it as '" + expected + "'"));
        }

        if (task.Method.IsStatic && !candidate.IsStatic)
        {
            return (null, ("is an instance method while the task is static", "make it static: '" + expected + "'"));
        }

        if (candidate.IsAsync && candidate.ReturnsVoid)
        {
            return (null, ("is 'async void', so its completion cannot be awaited", "return Task instead: '" + expected + "'"));
        }

        if (!ParametersFit(candidate, task.Values, out var tokenIndex))
        {
            return (null, ("takes " + ParameterList(candidate.Parameters) + " instead of the task's parameters",
                "give it the task's parameters " + ParameterList(task.Values) + ", optionally with a CancellationToken: '" + expected + "'"));
        }

        var (body, result) = FluxSymbols.Classify(candidate);
        if (!isFallback)
        {
            return (new Companion(candidate, body, tokenIndex, needsConversion: false), null); // a rollback's result, if any, is ignored
        }

        var taskResult = task.Result;
        if (taskResult is null)
        {
            return body is BodyKind.Void or BodyKind.Task or BodyKind.ValueTask
                ? (new Companion(candidate, body, tokenIndex, needsConversion: false), null)
                : (null, ("returns '" + Display(candidate.ReturnType) + "' while the task returns no value", "return void, Task or ValueTask: '" + expected + "'"));
        }

        var resultFix = "return '" + Display(taskResult) + "' (or Task<" + Display(taskResult) + ">, ValueTask<" + Display(taskResult) + ">): '" + expected + "'";
        if (result is null)
        {
            return (null, ("returns no value, but its result replaces the task's", resultFix));
        }

        if (result.IsReferenceType
            && result.NullableAnnotation == NullableAnnotation.Annotated
            && taskResult.NullableAnnotation == NullableAnnotation.NotAnnotated)
        {
            return (null, ("returns '" + Display(result) + "', but the task's result '" + Display(taskResult) + "' is not nullable", resultFix));
        }

        if (SymbolEqualityComparer.Default.Equals(result, taskResult))
        {
            return (new Companion(candidate, body, tokenIndex, needsConversion: false), null);
        }

        var conversion = compilation.ClassifyCommonConversion(result, taskResult);
        return conversion.Exists && conversion.IsImplicit
            ? (new Companion(candidate, body, tokenIndex, needsConversion: true), null)
            : (null, ("returns '" + Display(result) + "', but its result must convert to the task's result '" + Display(taskResult) + "'", resultFix));
    }

    /// <summary>The task's parameters in order, with one optional CancellationToken anywhere.</summary>
    private static bool ParametersFit(IMethodSymbol candidate, IReadOnlyList<IParameterSymbol> parameters, out int tokenIndex)
    {
        tokenIndex = -1;
        var next = 0;
        var candidateParameters = candidate.Parameters;
        for (var i = 0; i < candidateParameters.Length; i++)
        {
            var parameter = candidateParameters[i];
            if (parameter.RefKind != RefKind.None)
            {
                return false;
            }

            if (tokenIndex < 0 && FluxSymbols.IsCancellationToken(parameter.Type))
            {
                tokenIndex = i;
                continue;
            }

            if (next >= parameters.Count || !ParameterFits(parameters[next].Type, parameter.Type))
            {
                return false;
            }

            next++;
        }

        return next == parameters.Count;
    }

    /// <summary>The task's argument can be passed as the companion's parameter without a conversion or a nullability warning.</summary>
    private static bool ParameterFits(ITypeSymbol argument, ITypeSymbol parameter) =>
        SymbolEqualityComparer.Default.Equals(argument, parameter)
        && !(argument.IsReferenceType
            && argument.NullableAnnotation == NullableAnnotation.Annotated
            && parameter.NullableAnnotation == NullableAnnotation.NotAnnotated);

    /// <summary>What to write: <c>static Receipt QueueCharge(Order order)</c>.</summary>
    private static string ExpectedSignature(TaskSignature task, string name, bool isFallback)
    {
        var returns = isFallback && task.Result is not null ? Display(task.Result) : "void";
        return (task.Method.IsStatic ? "static " : string.Empty) + returns + " " + name + ParameterList(task.Values);
    }

    private static string ParameterList(IEnumerable<IParameterSymbol> parameters) =>
        "(" + string.Join(", ", parameters.Select(p => Display(p.Type) + " " + p.Name)) + ")";

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
