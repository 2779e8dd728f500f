using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX106: <c>[Task(Fallback = ...)]</c> or <c>[Task(Rollback = ...)]</c> names a method the generated handle cannot
/// call: it does not exist in the task's class, or it does not take the task's parameters (the same types, in order; a
/// <c>CancellationToken</c> may be added anywhere or left out), or it is an instance method for a static task, generic
/// or <c>async void</c>; or (for a fallback) its result, unwrapped from <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>,
/// does not convert implicitly to the task's result. The rules are the generator's: a companion it cannot call is one
/// it leaves out, and this rule says why.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidFallbackOrRollbackAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidFallbackOrRollback);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known) =>
        context.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var task = (IMethodSymbol)context.Symbol;
        if (task.PartialDefinitionPart is not null || known.GetTaskAttribute(task) is not { } attribute)
        {
            return;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            var isFallback = argument.Key == "Fallback";
            if (!isFallback && argument.Key != "Rollback")
            {
                continue;
            }

            if (argument.Value.Value is not string name)
            {
                continue; // null: no fallback or rollback
            }

            if (Check(task, name, isFallback, known, context.Compilation) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidFallbackOrRollback,
                    TaskOptionArguments.Locate(attribute, argument.Key, task, context.CancellationToken),
                    task.Name,
                    isFallback ? "fallback" : "rollback",
                    name,
                    problem.What,
                    problem.Fix));
            }
        }
    }

    /// <summary>Why no method named <paramref name="name"/> fits, with the fix; null when one fits.</summary>
    private static (string What, string Fix)? Check(IMethodSymbol task, string name, bool isFallback, KnownFluxTypes known, Compilation compilation)
    {
        var type = task.ContainingType;
        var parameters = task.Parameters.Where(p => !IsCancellationToken(p.Type, known)).ToList();
        var taskResult = ResultOf(task, known);
        var expected = ExpectedSignature(task, name, parameters, taskResult, isFallback);

        var candidates = type.GetMembers(name)
            .OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && !SymbolEqualityComparer.Default.Equals(m, task))
            .ToList();
        if (candidates.Count == 0)
        {
            var what = SymbolEqualityComparer.Default.Equals(type.GetMembers(name).FirstOrDefault(), task)
                ? "is the task itself"
                : type.GetMembers(name).IsEmpty ? "does not exist in '" + type.Name + "'" : "is not a method";
            return (what, "declare '" + expected + "' in '" + type.Name + "' and name it with nameof(...)");
        }

        (string What, string Fix)? first = null;
        foreach (var candidate in candidates)
        {
            var problem = Problem(candidate, task, parameters, taskResult, isFallback, expected, known, compilation);
            if (problem is null)
            {
                return null;
            }

            first ??= problem;
        }

        return candidates.Count == 1 ? first : ("has no overload that fits (the first one " + first!.Value.What + ")", first.Value.Fix);
    }

    private static (string What, string Fix)? Problem(
        IMethodSymbol candidate,
        IMethodSymbol task,
        List<IParameterSymbol> parameters,
        ITypeSymbol? taskResult,
        bool isFallback,
        string expected,
        KnownFluxTypes known,
        Compilation compilation)
    {
        if (candidate.IsGenericMethod)
        {
            return ("is generic", "make it non-generic: '" + expected + "'");
        }

        if (candidate.IsVararg || candidate.ReturnsByRef || candidate.ReturnsByRefReadonly)
        {
            return ("returns by reference or takes '__arglist'", "declare it as '" + expected + "'");
        }

        if (task.IsStatic && !candidate.IsStatic)
        {
            return ("is an instance method while the task is static", "make it static: '" + expected + "'");
        }

        if (candidate.IsAsync && candidate.ReturnsVoid)
        {
            return ("is 'async void', so its completion cannot be awaited", "return Task instead: '" + expected + "'");
        }

        if (!ParametersFit(candidate, parameters, known))
        {
            return ("takes " + ParameterList(candidate.Parameters) + " instead of the task's parameters",
                "give it the task's parameters " + ParameterList(parameters) + ", optionally with a CancellationToken: '" + expected + "'");
        }

        if (!isFallback)
        {
            return null; // a rollback's result, if any, is ignored
        }

        var result = ResultOf(candidate, known);
        var returnsValue = !candidate.ReturnsVoid && !IsPlainAwaitable(candidate.ReturnType, known);
        if (taskResult is null)
        {
            return returnsValue
                ? ("returns '" + Display(candidate.ReturnType) + "' while the task returns no value", "return void, Task or ValueTask: '" + expected + "'")
                : null;
        }

        var resultFix = "return '" + Display(taskResult) + "' (or Task<" + Display(taskResult) + ">, ValueTask<" + Display(taskResult) + ">): '" + expected + "'";
        if (result is null)
        {
            return ("returns no value, but its result replaces the task's", resultFix);
        }

        if (result.IsReferenceType
            && result.NullableAnnotation == NullableAnnotation.Annotated
            && taskResult.NullableAnnotation == NullableAnnotation.NotAnnotated)
        {
            return ("returns '" + Display(result) + "', but the task's result '" + Display(taskResult) + "' is not nullable", resultFix);
        }

        if (!SymbolEqualityComparer.Default.Equals(result, taskResult))
        {
            var conversion = compilation.ClassifyCommonConversion(result, taskResult);
            if (!conversion.Exists || !conversion.IsImplicit)
            {
                return ("returns '" + Display(result) + "', but its result must convert to the task's result '" + Display(taskResult) + "'", resultFix);
            }
        }

        return null;
    }

    /// <summary>The task's parameters in order, with one optional CancellationToken anywhere; the same rule as the generator's.</summary>
    private static bool ParametersFit(IMethodSymbol candidate, List<IParameterSymbol> parameters, KnownFluxTypes known)
    {
        var next = 0;
        var sawToken = false;
        foreach (var parameter in candidate.Parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return false;
            }

            if (!sawToken && IsCancellationToken(parameter.Type, known))
            {
                sawToken = true;
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

    private static bool ParameterFits(ITypeSymbol argument, ITypeSymbol parameter) =>
        SymbolEqualityComparer.Default.Equals(argument, parameter)
        && !(argument.IsReferenceType
            && argument.NullableAnnotation == NullableAnnotation.Annotated
            && parameter.NullableAnnotation == NullableAnnotation.NotAnnotated);

    /// <summary>The value a method produces: its return type unwrapped from Task&lt;T&gt;/ValueTask&lt;T&gt;; null for none.</summary>
    private static ITypeSymbol? ResultOf(IMethodSymbol method, KnownFluxTypes known)
    {
        if (method.ReturnsVoid || IsPlainAwaitable(method.ReturnType, known))
        {
            return null;
        }

        if (method.ReturnType is INamedTypeSymbol { IsGenericType: true } named
            && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.TaskOfT)
                || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.ValueTaskOfT)))
        {
            return named.TypeArguments[0];
        }

        return method.ReturnType;
    }

    private static bool IsPlainAwaitable(ITypeSymbol type, KnownFluxTypes known) =>
        SymbolEqualityComparer.Default.Equals(type, known.Task) || SymbolEqualityComparer.Default.Equals(type, known.ValueTask);

    private static bool IsCancellationToken(ITypeSymbol type, KnownFluxTypes known) =>
        SymbolEqualityComparer.Default.Equals(type, known.CancellationToken);

    /// <summary>What to write: <c>static Receipt QueueCharge(Order order)</c>.</summary>
    private static string ExpectedSignature(IMethodSymbol task, string name, List<IParameterSymbol> parameters, ITypeSymbol? taskResult, bool isFallback)
    {
        var returns = isFallback && taskResult is not null ? Display(taskResult) : "void";
        return (task.IsStatic ? "static " : string.Empty) + returns + " " + name + ParameterList(parameters);
    }

    private static string ParameterList(IEnumerable<IParameterSymbol> parameters) =>
        "(" + string.Join(", ", parameters.Select(p => Display(p.Type) + " " + p.Name)) + ")";

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
