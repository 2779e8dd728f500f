using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Flux.Generators.Symbols;
using Flux.Shared.Declarations;
using Flux.Shared.Declarations.Types;
using Microsoft.CodeAnalysis;

namespace Flux.Generators.Types;

/// <summary>The class that declares tasks or workflows, as the generated file re-declares it.</summary>
internal static class ContainingTypeParser
{
    /// <summary>
    /// The model of each type symbol already read. The tasks of one class share it, and a transform runs again for
    /// every task at each keystroke; the symbols of one compilation are its keys, so an entry lives as long as the
    /// compilation does and is never stale.
    /// </summary>
    private static readonly ConditionalWeakTable<INamedTypeSymbol, Box> s_read = new();

    /// <summary>
    /// The model of <paramref name="type"/>, or null when the generator cannot add to it (FLUX101, see
    /// <see cref="ContainingTypeReader"/>).
    /// </summary>
    public static ContainingTypeModel? Parse(INamedTypeSymbol? type, CancellationToken cancellationToken)
    {
        if (type is null)
        {
            return null;
        }

        return s_read.TryGetValue(type, out var known) ? known.Model : Remember(type, Read(type, cancellationToken));
    }

    /// <summary>Keeps <paramref name="model"/> for <paramref name="type"/> (a method of its own, so that a hit allocates nothing).</summary>
    private static ContainingTypeModel? Remember(INamedTypeSymbol type, ContainingTypeModel? model) =>
        s_read.GetValue(type, _ => new Box(model)).Model;

    private static ContainingTypeModel? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!ContainingTypeReader.CanExtend(type, cancellationToken))
        {
            return null;
        }

        var declarations = new List<TypeDeclarationModel>();
        var hint = new List<string>();
        var reachable = true;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var name = TypeText.Escape(current.Name);
            if (current.TypeParameters.Length > 0)
            {
                name += "<" + string.Join(", ", EscapedNames(current.TypeParameters)) + ">";
                reachable = false;
            }

            reachable &= current.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
            declarations.Add(new TypeDeclarationModel(ContainingTypeReader.Keyword(current, cancellationToken)!, name, current.IsStatic));
            hint.Add(current.TypeParameters.Length > 0
                ? current.Name + "_" + current.TypeParameters.Length.ToString(CultureInfo.InvariantCulture)
                : current.Name);
        }

        declarations.Reverse();
        hint.Reverse();
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? TypeText.Namespace(containing) : string.Empty;
        if (ns.Length > 0)
        {
            hint.Insert(0, type.ContainingNamespace!.ToDisplayString());
        }

        return new ContainingTypeModel(
            ns,
            new EquatableArray<TypeDeclarationModel>(declarations.ToArray()),
            TypeText.Qualified(type),
            string.Join(".", hint),
            reachable);
    }

    private static IEnumerable<string> EscapedNames(IEnumerable<ITypeParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            yield return TypeText.Escape(parameter.Name);
        }
    }

    /// <summary>A model or its absence, as the table's value.</summary>
    private sealed class Box
    {
        public Box(ContainingTypeModel? model)
        {
            Model = model;
        }

        public ContainingTypeModel? Model { get; }
    }
}
