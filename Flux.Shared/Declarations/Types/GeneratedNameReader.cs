using System.Collections.Immutable;
using System.Threading;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Diagnostics;
using Flux.Shared.Naming;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Types;

/// <summary>
/// FLUX103: the names the generator would add for a method (<see cref="GeneratedNames"/>) must be free in the class:
/// not a member written there or inherited, not a type parameter, not the class's own name. Members the generator wrote
/// do not count, so that a handle does not collide with itself in the analyzer's compilation.
/// </summary>
internal static class GeneratedNameReader
{
    /// <summary>The first generated name of <paramref name="names"/> that is taken in <paramref name="type"/>, with why; null when all are free.</summary>
    public static (GeneratedName Name, string Reason)? FindTaken(INamedTypeSymbol type, GeneratedName[] names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            if (WhyTaken(type, name.Name, cancellationToken) is { } reason)
            {
                return (name, reason);
            }
        }

        return null;
    }

    /// <summary>Whether the name <paramref name="name"/> is free in <paramref name="type"/>.</summary>
    public static bool IsFree(INamedTypeSymbol type, string name, CancellationToken cancellationToken) =>
        WhyTaken(type, name, cancellationToken) is null;

    /// <summary>
    /// Whether the names of the handle of the workflow method <paramref name="methodName"/> (its property and field) are
    /// free in <paramref name="type"/>. The diagram's name is checked apart: when it is taken, only the diagram is left out.
    /// </summary>
    public static bool WorkflowHandleIsFree(INamedTypeSymbol type, string methodName, CancellationToken cancellationToken) =>
        IsFree(type, GeneratedNames.WorkflowProperty(methodName), cancellationToken)
        && IsFree(type, GeneratedNames.WorkflowField(methodName), cancellationToken);

    /// <summary>The problem for the method <paramref name="method"/> whose generated name <paramref name="name"/> is taken because of <paramref name="reason"/>.</summary>
    public static DeclarationProblem Problem(IMethodSymbol method, bool isTask, string name, string reason) =>
        new(
            FluxDiagnostics.GeneratedNameCollision,
            SymbolFacts.NameLocation(method),
            new[] { isTask ? "Task" : "Workflow", method.Name, name, reason },
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.GeneratedName, name));

    /// <summary>Describes what already takes <paramref name="name"/> in <paramref name="type"/>, or returns null.</summary>
    public static string? WhyTaken(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
    {
        if (type.Name == name)
        {
            return "the containing type is itself named '" + name + "' and a member cannot have the name of its type";
        }

        foreach (var typeParameter in type.TypeParameters)
        {
            if (typeParameter.Name == name)
            {
                return "'" + type.Name + "' has a type parameter named '" + name + "'";
            }
        }

        foreach (var member in type.GetMembers(name))
        {
            if (!member.IsImplicitlyDeclared && !SymbolFacts.IsDeclaredInGeneratedCode(member, cancellationToken))
            {
                return "'" + type.Name + "' already declares a member named '" + name + "'";
            }
        }

        for (var baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
        {
            foreach (var member in baseType.GetMembers(name))
            {
                if (member.DeclaredAccessibility != Accessibility.Private && !member.IsImplicitlyDeclared)
                {
                    return "base type '" + baseType.Name + "' already has a member named '" + name + "'";
                }
            }
        }

        return null;
    }
}
