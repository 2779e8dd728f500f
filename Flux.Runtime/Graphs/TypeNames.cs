using System.Text;

namespace Flux;

/// <summary>Names types the way C# source (and the analyzer's messages) write them: <c>int</c>, <c>string?</c> is <c>string</c>, <c>List&lt;int&gt;</c>, <c>int?</c>, <c>(int, string)</c>.</summary>
internal static class TypeNames
{
    public static string Of(Type type)
    {
        var text = new StringBuilder();
        Append(text, type);
        return text.ToString();
    }

    private static void Append(StringBuilder text, Type type)
    {
        if (Keyword(type) is { } keyword)
        {
            text.Append(keyword);
            return;
        }

        if (type.IsArray)
        {
            Append(text, type.GetElementType()!);
            text.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
            return;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Append(text, underlying);
            text.Append('?');
            return;
        }

        if (type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true && type.GetGenericArguments().Length < 8)
        {
            text.Append('(');
            var elements = type.GetGenericArguments();
            for (var i = 0; i < elements.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                Append(text, elements[i]);
            }

            text.Append(')');
            return;
        }

        if (type.IsNested && !type.IsGenericParameter && type.DeclaringType is { } declaring)
        {
            Append(text, declaring);
            text.Append('.');
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        text.Append(tick < 0 ? name : name[..tick]);
        if (type.IsGenericType)
        {
            text.Append('<');
            var arguments = type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                Append(text, arguments[i]);
            }

            text.Append('>');
        }
    }

    private static string? Keyword(Type type) =>
        Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "bool",
            TypeCode.Byte => "byte",
            TypeCode.SByte => "sbyte",
            TypeCode.Char => "char",
            TypeCode.Decimal => "decimal",
            TypeCode.Double => "double",
            TypeCode.Single => "float",
            TypeCode.Int16 => "short",
            TypeCode.UInt16 => "ushort",
            TypeCode.Int32 => "int",
            TypeCode.UInt32 => "uint",
            TypeCode.Int64 => "long",
            TypeCode.UInt64 => "ulong",
            TypeCode.String => "string",
            _ when type == typeof(object) => "object",
            _ => null,
        } is { } keyword && !type.IsEnum ? keyword : null;
}
