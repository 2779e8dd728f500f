using System;
using System.Collections.Generic;
using Flux.Shared.Declarations.Tasks;
using Microsoft.CodeAnalysis;

namespace Flux.Generators.Symbols;

/// <summary>How visible a generated member can be, given the types its signature uses.</summary>
internal static class TypeAccess
{
    /// <summary>
    /// The narrowest accessibility among the types (<c>public</c>, <c>internal</c> or <c>private</c>): a generated handle
    /// over an internal type must itself be internal, or it would not compile.
    /// </summary>
    public static string Narrowest(IEnumerable<ITypeSymbol> types)
    {
        var level = 2; // 2 public, 1 internal, 0 private
        foreach (var type in types)
        {
            level = Math.Min(level, Level(type));
        }

        return Text(level);
    }

    /// <summary>The narrowest accessibility among a task's parameter and result types.</summary>
    public static string Narrowest(TaskSignature task)
    {
        var level = task.Result is null ? 2 : Level(task.Result);
        for (var i = 0; i < task.ParameterTypes.Count; i++)
        {
            level = Math.Min(level, Level(task.ParameterTypes[i]));
        }

        return Text(level);
    }

    private static string Text(int level) => level switch
    {
        2 => "public",
        1 => "internal",
        _ => "private",
    };

    private static int Level(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return Level(array.ElementType);
            case INamedTypeSymbol named:
                var level = 2;
                for (var current = named; current is not null; current = current.ContainingType)
                {
                    level = Math.Min(level, current.DeclaredAccessibility switch
                    {
                        Accessibility.Public or Accessibility.NotApplicable => 2,
                        Accessibility.Internal or Accessibility.ProtectedOrInternal => 1,
                        _ => 0,
                    });
                }

                foreach (var argument in named.TypeArguments)
                {
                    level = Math.Min(level, Level(argument));
                }

                return level;
            default:
                return 2;
        }
    }
}
