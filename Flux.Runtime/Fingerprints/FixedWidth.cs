namespace Flux;

/// <summary>What the writer knows about <typeparamref name="T"/> as an item of a sequence, computed once per type.</summary>
/// <remarks>
/// A sequence of a fixed-width kind is packed: one tag for the kind, then the payloads. Enums are their underlying
/// integers. Static readonly fields of a generic class are constants to the JIT once the class is initialized.
/// </remarks>
internal static class FixedWidth<T>
{
    /// <summary>True when <typeparamref name="T"/> is an enum.</summary>
    public static readonly bool IsEnum = typeof(T).IsEnum;

    /// <summary>The kind of <typeparamref name="T"/> when it is a fixed-width kind (an enum: its underlying integer's), else null.</summary>
    public static readonly FingerprintTag? Tag = TagOf(typeof(T));

    /// <summary>
    /// How the items' memory relates to their payloads on a little-endian host: <see cref="RawBytes.Always"/> when they
    /// are the same bytes (integers, chars, enums), <see cref="RawBytes.Checked"/> when they are unless an item needs
    /// canonicalizing (a NaN, a bool that is not 0 or 1), <see cref="RawBytes.Never"/> otherwise.
    /// </summary>
    public static readonly RawBytes Raw = RawOf(typeof(T));

    private static FingerprintTag? TagOf(Type type)
    {
        if (type.IsEnum)
        {
            type = Enum.GetUnderlyingType(type);
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => FingerprintTag.Boolean,
            TypeCode.SByte => FingerprintTag.SByte,
            TypeCode.Byte => FingerprintTag.Byte,
            TypeCode.Int16 => FingerprintTag.Int16,
            TypeCode.UInt16 => FingerprintTag.UInt16,
            TypeCode.Int32 => FingerprintTag.Int32,
            TypeCode.UInt32 => FingerprintTag.UInt32,
            TypeCode.Int64 => FingerprintTag.Int64,
            TypeCode.UInt64 => FingerprintTag.UInt64,
            TypeCode.Char => FingerprintTag.Char,
            TypeCode.Single => FingerprintTag.Single,
            TypeCode.Double => FingerprintTag.Double,
            TypeCode.Decimal => FingerprintTag.Decimal,
            TypeCode.DateTime => FingerprintTag.DateTime,
            _ when type == typeof(nint) => FingerprintTag.Int64,
            _ when type == typeof(nuint) => FingerprintTag.UInt64,
            _ when type == typeof(Int128) => FingerprintTag.Int128,
            _ when type == typeof(UInt128) => FingerprintTag.UInt128,
            _ when type == typeof(Half) => FingerprintTag.Half,
            _ when type == typeof(Guid) => FingerprintTag.Guid,
            _ when type == typeof(DateTimeOffset) => FingerprintTag.DateTimeOffset,
            _ when type == typeof(TimeSpan) => FingerprintTag.TimeSpan,
            _ when type == typeof(DateOnly) => FingerprintTag.DateOnly,
            _ when type == typeof(TimeOnly) => FingerprintTag.TimeOnly,
            _ => null,
        };
    }

    private static RawBytes RawOf(Type type)
    {
        if (type.IsEnum)
        {
            return RawBytes.Always;
        }

        if (type == typeof(bool) || type == typeof(float) || type == typeof(double))
        {
            return RawBytes.Checked;
        }

        return Type.GetTypeCode(type) is TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32
            or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Char
            || type == typeof(Int128) || type == typeof(UInt128)
            ? RawBytes.Always
            : RawBytes.Never;
    }
}

/// <summary>Whether a packed sequence may be hashed straight from memory; see <see cref="FixedWidth{T}.Raw"/>.</summary>
internal enum RawBytes
{
    /// <summary>Item by item.</summary>
    Never,

    /// <summary>From memory, after checking that no item needs canonicalizing.</summary>
    Checked,

    /// <summary>From memory.</summary>
    Always,
}
