using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Json;

/// <summary>
/// The <c>JsonSerializerContext</c> an assembly registers with <c>[assembly: FluxJsonContext(typeof(...))]</c>, and
/// which types a durable run can serialize with it (FLUX109).
/// </summary>
/// <remarks>
/// A type can be serialized when the context has metadata for it, or when Flux's own context does (the runtime falls back
/// to it: <see cref="BuiltinTypes"/>). System.Text.Json's generator writes metadata for every <c>[JsonSerializable]</c>
/// type and for what it is made of (properties, fields, items, keys, type arguments, nullable parts); this reader
/// follows the same parts, generously, so that a type it is unsure of counts as covered: a warning must be right.
/// </remarks>
internal sealed class JsonContext
{
    /// <summary>
    /// The types Flux's own context (<c>Flux.BuiltinJson</c> in Flux.Runtime) has metadata for, by their C# names; a test
    /// pins this list to that context's <c>[JsonSerializable]</c> attributes.
    /// </summary>
    public static readonly IReadOnlyList<string> BuiltinTypes = new[]
    {
        "string", "bool", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "char",
        "System.Guid", "System.DateTime", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan",
        "System.ValueTuple", "byte[]", "int[]", "long[]", "double[]", "string[]", "System.Text.Json.JsonElement",
    };

    private const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";

    private static readonly HashSet<string> s_builtin = new(BuiltinTypes, StringComparer.Ordinal);

    private readonly Lazy<HashSet<ITypeSymbol>> _covered;

    public JsonContext(INamedTypeSymbol context, SyntaxReference? attribute)
    {
        Context = context;
        Attribute = attribute;
        _covered = new Lazy<HashSet<ITypeSymbol>>(Cover, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The context's type.</summary>
    public INamedTypeSymbol Context { get; }

    /// <summary>Where the assembly attribute is written.</summary>
    public SyntaxReference? Attribute { get; }

    /// <summary>Whether a durable run can serialize <paramref name="type"/> with this context (or Flux's own).</summary>
    public bool CanSerialize(ITypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Error or TypeKind.TypeParameter || s_builtin.Contains(Name(type)))
        {
            return true;
        }

        // T? of a covered struct T: counted as covered, since whether a context writes it depends on its generator.
        return _covered.Value.Contains(type)
            || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && CanSerialize(nullable.TypeArguments[0]));
    }

    /// <summary>The type as <see cref="BuiltinTypes"/> names it.</summary>
    private static string Name(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithMiscellaneousOptions(
            SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.ExpandNullable));

    /// <summary>Every type reachable from the context's <c>[JsonSerializable]</c> roots.</summary>
    private HashSet<ITypeSymbol> Cover()
    {
        var covered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ITypeSymbol>();
        foreach (var attribute in Context.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == JsonSerializableAttribute
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is ITypeSymbol root)
            {
                pending.Push(root);
            }
        }

        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!covered.Add(type))
            {
                continue;
            }

            switch (type)
            {
                case IArrayTypeSymbol array:
                    pending.Push(array.ElementType);
                    break;
                case INamedTypeSymbol named:
                    foreach (var argument in named.TypeArguments)
                    {
                        pending.Push(argument);
                    }

                    if (named.SpecialType == SpecialType.None && named.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface)
                    {
                        AddMembers(named, pending);
                    }

                    break;
            }
        }

        return covered;
    }

    /// <summary>The types of the members System.Text.Json may write: public instance properties and fields, the base types' too.</summary>
    private static void AddMembers(INamedTypeSymbol type, Stack<ITypeSymbol> pending)
    {
        if (type.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)))
        {
            return; // framework types: their items and type arguments are followed above, not their internals
        }

        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                switch (member)
                {
                    case IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property:
                        pending.Push(property.Type);
                        break;
                    case IFieldSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, IsImplicitlyDeclared: false } field:
                        pending.Push(field.Type);
                        break;
                }
            }
        }
    }
}
