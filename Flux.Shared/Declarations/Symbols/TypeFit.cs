using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Shared.Declarations.Symbols;

/// <summary>How graph rules compare and name types at compile time, as the runtime does with <c>System.Type</c>.</summary>
internal static class TypeFit
{
    /// <summary>How types are named in messages: as the runtime names them (no nullable reference annotations).</summary>
    public static readonly SymbolDisplayFormat MessageFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat
        .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>A type as a message names it: <c>int</c>, <c>string</c>, <c>List&lt;int&gt;</c>, <c>Outer.Inner</c>.</summary>
    public static string Display(ITypeSymbol type) => type.ToDisplayString(MessageFormat);

    /// <summary>
    /// Whether a value of <paramref name="from"/> can be passed, as an object, where <paramref name="to"/> is expected:
    /// identity, reference, boxing and nullable conversions of the same type, as at run time. Numeric and user-defined
    /// conversions do not fit (an <c>int</c> output cannot feed a <c>long</c> parameter).
    /// </summary>
    public static bool Fits(Compilation compilation, ITypeSymbol from, ITypeSymbol to)
    {
        if (compilation is not CSharpCompilation csharp)
        {
            return true;
        }

        var conversion = csharp.ClassifyConversion(from, to);
        if (!conversion.IsImplicit)
        {
            return false;
        }

        if (conversion.IsIdentity || conversion.IsReference || conversion.IsBoxing)
        {
            return true;
        }

        // T -> T? (and T? -> T?) only: a boxed int is not a long?.
        return conversion.IsNullable && SymbolEqualityComparer.Default.Equals(Underlying(from), Underlying(to));
    }

    private static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
}
