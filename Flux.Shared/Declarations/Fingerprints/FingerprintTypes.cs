using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Fingerprints;

// Read by FingerprintReader, in the shared declaration readers (generator and analyzers).

/// <summary>What <see cref="FingerprintReader"/> recognizes in a type: the kinds the runtime encodes itself, the collection
/// interfaces, the framework's namespaces, and the one key per run-time type that names its encoder.</summary>
internal static class FingerprintTypes
{
    /// <summary>A parameter declared as a sequence and nothing more: what a caller passes to it may be lazy.</summary>
    public static bool IsDeclaredSequence(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Collections_IEnumerable
        || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;

    public static string Display(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    public static bool IsNamespace(INamespaceSymbol? ns, params string[] names)
    {
        for (var i = names.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.Name != names[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }

    public static bool IsScalar(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_String:
            case SpecialType.System_DateTime:
                return true;
        }

        return type is INamedTypeSymbol { Arity: 0, ContainingType: null } named
            && ((IsNamespace(named.ContainingNamespace, "System")
                    && named.Name is "Half" or "Int128" or "UInt128" or "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "Uri")
                || (IsNamespace(named.ContainingNamespace, "System", "Numerics") && named.Name == "BigInteger"));
    }

    /// <summary>The arity of <paramref name="type"/> when it is the generic type <paramref name="name"/> of the namespace, else null.</summary>
    public static int? IsGeneric(INamedTypeSymbol type, string name, int maxArity, params string[] ns) =>
        type.Name == name && type.Arity >= 1 && type.Arity <= maxArity && type.ContainingType is null && IsNamespace(type.ContainingNamespace, ns)
            ? type.Arity
            : null;

    /// <summary>The interface <c>System.Collections.Generic.{name}`{arity}</c> when the type is it or implements it.</summary>
    public static INamedTypeSymbol? FindInterface(INamedTypeSymbol type, string name, int arity)
    {
        if (IsCollectionInterface(type, name, arity))
        {
            return type;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (IsCollectionInterface(candidate, name, arity))
            {
                return candidate;
            }
        }

        return null;
    }

    public static bool IsCollectionInterface(INamedTypeSymbol type, string name, int arity) =>
        type.TypeKind == TypeKind.Interface && type.Name == name && type.Arity == arity
        && IsNamespace(type.ContainingNamespace, "System", "Collections", "Generic");

    public static bool IsNonGenericSequence(INamedTypeSymbol type, out bool isCollection)
    {
        isCollection = IsNonGenericCollection(type) || type.AllInterfaces.Any(IsNonGenericCollection);
        return type.SpecialType == SpecialType.System_Collections_IEnumerable
            || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);
    }

    public static bool IsNonGenericCollection(INamedTypeSymbol type) =>
        type is { Name: "ICollection", Arity: 0, TypeKind: TypeKind.Interface } && IsNamespace(type.ContainingNamespace, "System", "Collections");

    public static bool IsFramework(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" or "Microsoft" };
    }
    /// <summary>
    /// The type as C# writes it, fully qualified, without nullable annotations or tuple element names: the same text for
    /// every spelling of one run-time type, so that it keys one encoder and can be the type of its parameter.
    /// </summary>
    public static string Key(ITypeSymbol type)
    {
        var text = new StringBuilder();
        Append(text, type);
        return text.ToString();

        static void Append(StringBuilder text, ITypeSymbol type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    Append(text, array.ElementType);
                    text.Append('[').Append(',', array.Rank - 1).Append(']');
                    return;
                case INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable:
                    Append(text, nullable.TypeArguments[0]);
                    text.Append('?');
                    return;
                case INamedTypeSymbol { IsTupleType: true, TupleElements.Length: >= 2 } tuple:
                    text.Append('(');
                    for (var i = 0; i < tuple.TupleElements.Length; i++)
                    {
                        if (i > 0)
                        {
                            text.Append(", ");
                        }

                        Append(text, tuple.TupleElements[i].Type);
                    }

                    text.Append(')');
                    return;
                case INamedTypeSymbol named when named.SpecialType != SpecialType.None && named.TypeArguments.IsEmpty:
                    text.Append(named.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                    return;
                case INamedTypeSymbol named:
                    if (named.ContainingType is { } outer)
                    {
                        Append(text, outer);
                        text.Append('.');
                    }
                    else
                    {
                        text.Append("global::");
                        if (named.ContainingNamespace is { IsGlobalNamespace: false } ns)
                        {
                            text.Append(ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)))
                                .Append('.');
                        }
                    }

                    text.Append(Escape(named.Name));
                    if (!named.TypeArguments.IsEmpty)
                    {
                        text.Append('<');
                        for (var i = 0; i < named.TypeArguments.Length; i++)
                        {
                            if (i > 0)
                            {
                                text.Append(", ");
                            }

                            Append(text, named.TypeArguments[i]);
                        }

                        text.Append('>');
                    }

                    return;
                case ITypeParameterSymbol parameter:
                    text.Append(Escape(parameter.Name));
                    return;
                case IDynamicTypeSymbol:
                    text.Append("object");
                    return;
                default:
                    text.Append(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                    return;
            }
        }
    }

    public static string Escape(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;
}
