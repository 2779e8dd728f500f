using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Generators.Symbols;

/// <summary>Types, methods and values as the C# text generated code writes them, without the user's usings.</summary>
internal static class TypeText
{
    private static readonly SymbolDisplayFormat s_fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat s_namespace = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary><c>global::</c>-qualified, with nullable annotations and tuple names: <c>global::System.Collections.Generic.List&lt;string?&gt;</c>.</summary>
    public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(s_fullyQualified);

    /// <summary>A type as <c>typeof</c> writes it (see <see cref="Plain"/>).</summary>
    public static string TypeOf(ITypeSymbol type) => Plain(type, cref: false);

    /// <summary>A type as a doc-comment <c>cref</c> writes it (see <see cref="Plain"/>).</summary>
    public static string Cref(ITypeSymbol type) => Plain(type, cref: true);

    /// <summary><c>global::</c>-qualified, without nullable annotations: <c>global::Demo.Box&lt;T&gt;</c>.</summary>
    public static string Qualified(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>A namespace as a <c>namespace</c> declaration writes it (keywords escaped).</summary>
    public static string Namespace(INamespaceSymbol ns) => ns.ToDisplayString(s_namespace);

    /// <summary>
    /// A type as C# text without nullable reference annotations or tuple element names: for <c>typeof</c>, and with
    /// braces instead of angle brackets for a doc-comment <c>cref</c>.
    /// </summary>
    public static string Plain(ITypeSymbol type, bool cref)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return Plain(array.ElementType, cref) + "[" + new string(',', array.Rank - 1) + "]";
            case ITypeParameterSymbol parameter:
                return Escape(parameter.Name);
            case IDynamicTypeSymbol:
                return "object";
            case INamedTypeSymbol named:
                if (named.IsTupleType && named.TupleUnderlyingType is { } underlying && !SymbolEqualityComparer.Default.Equals(underlying, named))
                {
                    return Plain(underlying, cref);
                }

                if (named.SpecialType != SpecialType.None && named.TypeArguments.IsEmpty)
                {
                    return named.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                }

                var builder = new StringBuilder();
                if (named.ContainingType is { } outer)
                {
                    builder.Append(Plain(outer, cref)).Append('.');
                }
                else
                {
                    builder.Append("global::");
                    if (named.ContainingNamespace is { IsGlobalNamespace: false } ns)
                    {
                        builder.Append(Namespace(ns)).Append('.');
                    }
                }

                builder.Append(Escape(named.Name));
                if (!named.TypeArguments.IsEmpty)
                {
                    builder.Append(cref ? '{' : '<');
                    builder.Append(string.Join(", ", named.TypeArguments.Select(argument => Plain(argument, cref))));
                    builder.Append(cref ? '}' : '>');
                }

                return builder.ToString();
            default:
                return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        }
    }

    /// <summary>A method as a doc-comment <c>cref</c>: <c>SayHi(string)</c>.</summary>
    public static string MethodCref(IMethodSymbol method) => MethodCref(method, method.Parameters.Select(p => p.Type).ToList());

    /// <summary>A method as a doc-comment <c>cref</c>, with its parameter types already read.</summary>
    public static string MethodCref(IMethodSymbol method, IReadOnlyList<ITypeSymbol> parameterTypes)
    {
        var text = new StringBuilder(Escape(method.Name)).Append('(');
        for (var i = 0; i < parameterTypes.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(Cref(parameterTypes[i]));
        }

        return text.Append(')').ToString();
    }

    /// <summary>Prefixes <c>@</c> to a name that is a C# keyword.</summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>A name without its <c>@</c> escape, as <c>paramref</c> wants it.</summary>
    public static string Unescape(string name) => name.StartsWith("@", StringComparison.Ordinal) ? name.Substring(1) : name;

    /// <summary>Turns an assembly name into a valid namespace (<c>My-App.2</c> becomes <c>My_App._2</c>).</summary>
    public static string AssemblyNamespace(string? assemblyName)
    {
        if (string.IsNullOrWhiteSpace(assemblyName))
        {
            return "FluxGenerated";
        }

        var result = new StringBuilder();
        foreach (var part in assemblyName!.Split('.'))
        {
            var identifier = new StringBuilder();
            foreach (var c in part)
            {
                identifier.Append(SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_');
            }

            if (identifier.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(identifier[0]))
            {
                identifier.Insert(0, '_');
            }

            if (result.Length > 0)
            {
                result.Append('.');
            }

            result.Append(Escape(identifier.ToString()));
        }

        return result.ToString();
    }

    /// <summary>A parameter's default value as C# text that compiles without the user's usings.</summary>
    public static string DefaultValue(IParameterSymbol parameter)
    {
        var value = parameter.ExplicitDefaultValue;
        var type = parameter.Type;
        if (value is null)
        {
            return type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? "null" : "default";
        }

        var underlying = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            ? ((INamedTypeSymbol)type).TypeArguments[0]
            : type;
        if (underlying.TypeKind == TypeKind.Enum)
        {
            var enumType = Qualified(underlying);
            foreach (var member in underlying.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
                {
                    return enumType + "." + Escape(field.Name);
                }
            }

            return "(" + enumType + ")(" + Literal(value) + ")";
        }

        return Literal(value);
    }

    /// <summary>A double as a literal: <c>2.5</c>, <c>double.PositiveInfinity</c>.</summary>
    public static string Double(double value) =>
        double.IsPositiveInfinity(value) ? "double.PositiveInfinity" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A constant as a C# literal.</summary>
    public static string Literal(object value) => value switch
    {
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        bool flag => flag ? "true" : "false",
        float f when float.IsNaN(f) => "float.NaN",
        float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
        float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
        uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
        int i => i.ToString(CultureInfo.InvariantCulture),
        short s => "(short)" + s.ToString(CultureInfo.InvariantCulture),
        ushort us => "(ushort)" + us.ToString(CultureInfo.InvariantCulture),
        byte b => "(byte)" + b.ToString(CultureInfo.InvariantCulture),
        sbyte sb => "(sbyte)(" + sb.ToString(CultureInfo.InvariantCulture) + ")",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "default",
    };
}
