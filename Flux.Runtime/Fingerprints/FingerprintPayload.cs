using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// The payloads of the fixed-width kinds (what follows the tag), little-endian on every host. One place, so that a
/// scalar and an item of a packed sequence are always written the same way.
/// </summary>
internal static class FingerprintPayload
{
    /// <summary>The one NaN every <see cref="Half"/> NaN is written as (a NaN's sign and payload depend on how it was made, and on the processor).</summary>
    public const ushort HalfNaN = 0x7E00;

    /// <summary>The one NaN every <see cref="float"/> NaN is written as.</summary>
    public const uint SingleNaN = 0x7FC00000;

    /// <summary>The one NaN every <see cref="double"/> NaN is written as.</summary>
    public const ulong DoubleNaN = 0x7FF8000000000000;

    /// <summary>The payload size of a fixed-width kind, or 0 for a kind that is not one.</summary>
    public static int Size(FingerprintTag tag) => tag switch
    {
        FingerprintTag.Boolean or FingerprintTag.SByte or FingerprintTag.Byte => 1,
        FingerprintTag.Int16 or FingerprintTag.UInt16 or FingerprintTag.Char or FingerprintTag.Half => 2,
        FingerprintTag.Int32 or FingerprintTag.UInt32 or FingerprintTag.Single or FingerprintTag.DateOnly => 4,
        FingerprintTag.Int64 or FingerprintTag.UInt64 or FingerprintTag.Double or FingerprintTag.TimeSpan or FingerprintTag.TimeOnly => 8,
        FingerprintTag.DateTime => 9,
        FingerprintTag.DateTimeOffset => 10,
        FingerprintTag.Int128 or FingerprintTag.UInt128 or FingerprintTag.Decimal or FingerprintTag.Guid => 16,
        _ => 0,
    };

    public static ushort Bits(Half value) => Half.IsNaN(value) ? HalfNaN : BitConverter.HalfToUInt16Bits(value);

    public static uint Bits(float value) => float.IsNaN(value) ? SingleNaN : BitConverter.SingleToUInt32Bits(value);

    public static ulong Bits(double value) => double.IsNaN(value) ? DoubleNaN : BitConverter.DoubleToUInt64Bits(value);

    public static void Write(Int128 value, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, (ulong)value);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], (ulong)(value >> 64));
    }

    public static void Write(UInt128 value, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, (ulong)value);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], (ulong)(value >> 64));
    }

    public static void Write(decimal value, Span<byte> destination)
    {
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(value, parts);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(destination[(i * 4)..], parts[i]);
        }
    }

    public static void Write(Guid value, Span<byte> destination) => value.TryWriteBytes(destination, bigEndian: false, out _);

    public static void Write(DateTime value, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, value.Ticks);
        destination[8] = (byte)value.Kind;
    }

    public static void Write(DateTimeOffset value, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, value.Ticks);
        BinaryPrimitives.WriteInt16LittleEndian(destination[8..], (short)value.TotalOffsetMinutes);
    }

    /// <summary>
    /// The payload of <paramref name="value"/>, of the fixed-width kind <see cref="FixedWidth{T}.Tag"/>, into
    /// <paramref name="destination"/>. For value types the JIT keeps only the branch of <typeparamref name="T"/>.
    /// </summary>
    public static void Write<T>(T value, Span<byte> destination)
    {
        if (typeof(T) == typeof(bool)) destination[0] = Unsafe.As<T, bool>(ref value) ? (byte)1 : (byte)0;
        else if (typeof(T) == typeof(sbyte) || typeof(T) == typeof(byte)) destination[0] = Unsafe.As<T, byte>(ref value);
        else if (typeof(T) == typeof(short) || typeof(T) == typeof(ushort) || typeof(T) == typeof(char)) BinaryPrimitives.WriteUInt16LittleEndian(destination, Unsafe.As<T, ushort>(ref value));
        else if (typeof(T) == typeof(int) || typeof(T) == typeof(uint)) BinaryPrimitives.WriteUInt32LittleEndian(destination, Unsafe.As<T, uint>(ref value));
        else if (typeof(T) == typeof(long) || typeof(T) == typeof(ulong)) BinaryPrimitives.WriteUInt64LittleEndian(destination, Unsafe.As<T, ulong>(ref value));
        else if (typeof(T) == typeof(nint)) BinaryPrimitives.WriteInt64LittleEndian(destination, Unsafe.As<T, nint>(ref value));
        else if (typeof(T) == typeof(nuint)) BinaryPrimitives.WriteUInt64LittleEndian(destination, Unsafe.As<T, nuint>(ref value));
        else if (typeof(T) == typeof(Int128)) Write(Unsafe.As<T, Int128>(ref value), destination);
        else if (typeof(T) == typeof(UInt128)) Write(Unsafe.As<T, UInt128>(ref value), destination);
        else if (typeof(T) == typeof(Half)) BinaryPrimitives.WriteUInt16LittleEndian(destination, Bits(Unsafe.As<T, Half>(ref value)));
        else if (typeof(T) == typeof(float)) BinaryPrimitives.WriteUInt32LittleEndian(destination, Bits(Unsafe.As<T, float>(ref value)));
        else if (typeof(T) == typeof(double)) BinaryPrimitives.WriteUInt64LittleEndian(destination, Bits(Unsafe.As<T, double>(ref value)));
        else if (typeof(T) == typeof(decimal)) Write(Unsafe.As<T, decimal>(ref value), destination);
        else if (typeof(T) == typeof(Guid)) Write(Unsafe.As<T, Guid>(ref value), destination);
        else if (typeof(T) == typeof(DateTime)) Write(Unsafe.As<T, DateTime>(ref value), destination);
        else if (typeof(T) == typeof(DateTimeOffset)) Write(Unsafe.As<T, DateTimeOffset>(ref value), destination);
        else if (typeof(T) == typeof(TimeSpan)) BinaryPrimitives.WriteInt64LittleEndian(destination, Unsafe.As<T, TimeSpan>(ref value).Ticks);
        else if (typeof(T) == typeof(DateOnly)) BinaryPrimitives.WriteInt32LittleEndian(destination, Unsafe.As<T, DateOnly>(ref value).DayNumber);
        else if (typeof(T) == typeof(TimeOnly)) BinaryPrimitives.WriteInt64LittleEndian(destination, Unsafe.As<T, TimeOnly>(ref value).Ticks);
        else if (FixedWidth<T>.IsEnum) WriteEnum(ref Unsafe.As<T, byte>(ref value), Unsafe.SizeOf<T>(), destination);
        else throw new InvalidOperationException($"'{typeof(T)}' is not a fixed-width kind.");
    }

    /// <summary>An enum's underlying integer, by its size (its signedness is in the tag, not in the bytes).</summary>
    private static void WriteEnum(ref byte value, int size, Span<byte> destination)
    {
        switch (size)
        {
            case 1: destination[0] = value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(destination, Unsafe.ReadUnaligned<ushort>(ref value)); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(destination, Unsafe.ReadUnaligned<uint>(ref value)); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(destination, Unsafe.ReadUnaligned<ulong>(ref value)); break;
        }
    }
}
