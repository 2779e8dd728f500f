using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>Values whose kind is decided at run time: the generic <see cref="Write{T}(T)"/>.</summary>
public ref partial struct FingerprintWriter
{
    /// <summary>
    /// Writes any value by its kind: a number, a string, a date, an enum (its underlying value), a nullable value (its
    /// value, or null), a tuple, a collection (by its items: a set or a dictionary in sorted order), a
    /// <see cref="Memory{T}"/> of a primitive, a <see cref="System.Numerics.BigInteger"/>, a <see cref="Uri"/>, or an
    /// <see cref="IStableHashable"/>. For a value type <typeparamref name="T"/> the JIT keeps only the branch it needs.
    /// </summary>
    /// <exception cref="FingerprintException">The value, or a part of it, has no exact encoding (a class that is not
    /// <see cref="IStableHashable"/>; generated encoders write records and classes by their members).</exception>
    public void Write<T>(T value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        if (typeof(T).IsValueType && FixedWidth<T>.Tag is { } kind)
        {
            var size = FingerprintPayload.Size(kind);
            Span<byte> bytes = stackalloc byte[17];
            bytes[0] = (byte)kind;
            FingerprintPayload.Write(value, bytes.Slice(1, size));
            Append(bytes[..(1 + size)]);
            return;
        }

        WriteObject(value);
    }

    /// <summary>A value that is not of a fixed-width kind at compile time: boxed, decided by its run-time type.</summary>
    private void WriteObject(object value)
    {
        switch (value)
        {
            case string text: Write(text); return;
            case IStableHashable stable: WriteStable(stable); return;
            case Enum member: WriteEnum(member); return;
            case bool v: Write(v); return;
            case sbyte v: Write(v); return;
            case byte v: Write(v); return;
            case short v: Write(v); return;
            case ushort v: Write(v); return;
            case int v: Write(v); return;
            case uint v: Write(v); return;
            case long v: Write(v); return;
            case ulong v: Write(v); return;
            case nint v: Write(v); return;
            case nuint v: Write(v); return;
            case Int128 v: Write(v); return;
            case UInt128 v: Write(v); return;
            case char v: Write(v); return;
            case Half v: Write(v); return;
            case float v: Write(v); return;
            case double v: Write(v); return;
            case decimal v: Write(v); return;
            case Guid v: Write(v); return;
            case DateTime v: Write(v); return;
            case DateTimeOffset v: Write(v); return;
            case TimeSpan v: Write(v); return;
            case DateOnly v: Write(v); return;
            case TimeOnly v: Write(v); return;
            case BigInteger v: WriteBigInteger(v); return;
            case Uri v: AppendText(FingerprintTag.Uri, v.OriginalString); return;
            case Array array: WriteArray(array); return;
            case ITuple tuple: WriteTuple(tuple); return;
            case IDictionary dictionary: WriteDictionary(dictionary); return;
            case IEnumerable sequence: WriteEnumerable(sequence); return;
        }

        if (!TryWriteMemory(value))
        {
            throw FingerprintException.Unsupported(value.GetType());
        }
    }

    private void WriteBigInteger(BigInteger value)
    {
        var count = value.GetByteCount();
        AppendHeader(FingerprintTag.BigInteger, count);
        Span<byte> bytes = count <= 256 ? stackalloc byte[count] : new byte[count];
        value.TryWriteBytes(bytes, out _, isUnsigned: false, isBigEndian: false);
        Append(bytes);
    }

    /// <summary>A boxed enum: its underlying integer, written as that integer is.</summary>
    private void WriteEnum(Enum member)
    {
        var convertible = (IConvertible)member;
        switch (Type.GetTypeCode(member.GetType()))
        {
            case TypeCode.SByte: Write(convertible.ToSByte(null)); break;
            case TypeCode.Byte: Write(convertible.ToByte(null)); break;
            case TypeCode.Int16: Write(convertible.ToInt16(null)); break;
            case TypeCode.UInt16: Write(convertible.ToUInt16(null)); break;
            case TypeCode.Int32: Write(convertible.ToInt32(null)); break;
            case TypeCode.UInt32: Write(convertible.ToUInt32(null)); break;
            case TypeCode.UInt64: Write(convertible.ToUInt64(null)); break;
            default: Write(convertible.ToInt64(null)); break;
        }
    }

    private void WriteTuple(ITuple tuple)
    {
        BeginTuple(tuple.Length);
        for (var i = 0; i < tuple.Length; i++)
        {
            Write(tuple[i]);
        }
    }

    /// <summary>
    /// An array whose element type is known only at run time: a primitive one is packed through its bytes, exactly as
    /// <see cref="WriteSpan{T}"/> writes it (an enum array as its underlying integers).
    /// </summary>
    private void WriteArray(Array array)
    {
        if (array.Rank != 1)
        {
            throw new FingerprintException(
                $"A multi-dimensional array ('{TypeNames.Of(array.GetType())}') has no exact fingerprint: pass a jagged array or a list of rows.",
                array.GetType());
        }

        var element = array.GetType().GetElementType()!;
        if (element.IsEnum)
        {
            element = Enum.GetUnderlyingType(element);
        }

        // Unsafe.As: an enum array is read as its underlying integers, which is how it is laid out.
        switch (Type.GetTypeCode(element))
        {
            case TypeCode.Boolean: WriteSpan<bool>(Unsafe.As<bool[]>(array)); return;
            case TypeCode.SByte: WriteSpan<sbyte>(Unsafe.As<sbyte[]>(array)); return;
            case TypeCode.Byte: WriteSpan<byte>(Unsafe.As<byte[]>(array)); return;
            case TypeCode.Int16: WriteSpan<short>(Unsafe.As<short[]>(array)); return;
            case TypeCode.UInt16: WriteSpan<ushort>(Unsafe.As<ushort[]>(array)); return;
            case TypeCode.Int32: WriteSpan<int>(Unsafe.As<int[]>(array)); return;
            case TypeCode.UInt32: WriteSpan<uint>(Unsafe.As<uint[]>(array)); return;
            case TypeCode.Int64: WriteSpan<long>(Unsafe.As<long[]>(array)); return;
            case TypeCode.UInt64: WriteSpan<ulong>(Unsafe.As<ulong[]>(array)); return;
            case TypeCode.Char: WriteSpan<char>(Unsafe.As<char[]>(array)); return;
            case TypeCode.Single: WriteSpan<float>(Unsafe.As<float[]>(array)); return;
            case TypeCode.Double: WriteSpan<double>(Unsafe.As<double[]>(array)); return;
            case TypeCode.Decimal: WriteSpan<decimal>(Unsafe.As<decimal[]>(array)); return;
            case TypeCode.DateTime: WriteSpan<DateTime>(Unsafe.As<DateTime[]>(array)); return;
        }

        switch (array)
        {
            case nint[] v: WriteSpan<nint>(v); return;
            case nuint[] v: WriteSpan<nuint>(v); return;
            case Int128[] v: WriteSpan<Int128>(v); return;
            case UInt128[] v: WriteSpan<UInt128>(v); return;
            case Half[] v: WriteSpan<Half>(v); return;
            case Guid[] v: WriteSpan<Guid>(v); return;
            case DateTimeOffset[] v: WriteSpan<DateTimeOffset>(v); return;
            case TimeSpan[] v: WriteSpan<TimeSpan>(v); return;
            case DateOnly[] v: WriteSpan<DateOnly>(v); return;
            case TimeOnly[] v: WriteSpan<TimeOnly>(v); return;
            case object[] references: WriteSpan<object>(references); return;
        }

        // An array of another value type (tuples, nullables, structs): its items, boxed.
        Enter();
        AppendHeader(FingerprintTag.Sequence, array.Length);
        foreach (var item in array)
        {
            Write(item);
        }

        Exit();
    }

    /// <summary>
    /// A sequence whose item type is known only at run time. A sequence of a primitive is packed, as
    /// <see cref="WriteSequence{T}"/> writes it; a set of the framework's set types is written as a set.
    /// </summary>
    private void WriteEnumerable(IEnumerable sequence)
    {
        switch (sequence)
        {
            case IEnumerable<bool> v: WriteSequence(v); return;
            case IEnumerable<sbyte> v: WriteSequence(v); return;
            case IEnumerable<byte> v: WriteSequence(v); return;
            case IEnumerable<short> v: WriteSequence(v); return;
            case IEnumerable<ushort> v: WriteSequence(v); return;
            case IEnumerable<int> v: WriteSequence(v); return;
            case IEnumerable<uint> v: WriteSequence(v); return;
            case IEnumerable<long> v: WriteSequence(v); return;
            case IEnumerable<ulong> v: WriteSequence(v); return;
            case IEnumerable<char> v: WriteSequence(v); return;
            case IEnumerable<float> v: WriteSequence(v); return;
            case IEnumerable<double> v: WriteSequence(v); return;
            case IEnumerable<decimal> v: WriteSequence(v); return;
            case IEnumerable<Guid> v: WriteSequence(v); return;
            case IEnumerable<DateTime> v: WriteSequence(v); return;
            case IEnumerable<DateTimeOffset> v: WriteSequence(v); return;
            case IEnumerable<TimeSpan> v: WriteSequence(v); return;
            case IEnumerable<DateOnly> v: WriteSequence(v); return;
            case IEnumerable<TimeOnly> v: WriteSequence(v); return;
        }

        var items = sequence as ICollection ?? sequence.Cast<object?>().ToArray();
        if (IsSet(sequence.GetType()))
        {
            Enter();
            AppendHeader(FingerprintTag.Set, items.Count);
            var frame = BeginUnordered();
            foreach (var item in items)
            {
                _recorder!.MarkEntry();
                Write(item);
            }

            EndUnordered(frame, items.Count);
            Exit();
            return;
        }

        Enter();
        AppendHeader(FingerprintTag.Sequence, items.Count);
        var written = 0;
        foreach (var item in items)
        {
            Write(item);
            written++;
        }

        CheckCount(items.Count, written);
        Exit();
    }

    private void WriteDictionary(IDictionary dictionary)
    {
        Enter();
        AppendHeader(FingerprintTag.Dictionary, dictionary.Count);
        var frame = BeginUnordered();
        var entries = dictionary.GetEnumerator();
        while (entries.MoveNext())
        {
            _recorder!.MarkEntry();
            Write(entries.Key);
            Write(entries.Value);
        }

        EndUnordered(frame, dictionary.Count);
        Exit();
    }

    /// <summary>The framework's unordered sets (whose enumeration order is not their content); a set type of your own is
    /// written as a set where its declared type says it is one (<see cref="ISet{T}"/>, <see cref="IReadOnlySet{T}"/>).</summary>
    private static bool IsSet(Type type)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            if (current.IsGenericType)
            {
                var definition = current.GetGenericTypeDefinition();
                if (definition == typeof(HashSet<>) || definition == typeof(SortedSet<>) || definition == typeof(ImmutableHashSet<>)
                    || definition == typeof(ImmutableSortedSet<>) || definition == typeof(FrozenSet<>))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool TryWriteMemory(object value)
    {
        switch (value)
        {
            case ReadOnlyMemory<byte> v: WriteSpan(v.Span); return true;
            case Memory<byte> v: WriteSpan<byte>(v.Span); return true;
            case ReadOnlyMemory<char> v: WriteSpan(v.Span); return true;
            case Memory<char> v: WriteSpan<char>(v.Span); return true;
            case ReadOnlyMemory<int> v: WriteSpan(v.Span); return true;
            case Memory<int> v: WriteSpan<int>(v.Span); return true;
            case ReadOnlyMemory<long> v: WriteSpan(v.Span); return true;
            case Memory<long> v: WriteSpan<long>(v.Span); return true;
            case ReadOnlyMemory<float> v: WriteSpan(v.Span); return true;
            case Memory<float> v: WriteSpan<float>(v.Span); return true;
            case ReadOnlyMemory<double> v: WriteSpan(v.Span); return true;
            case Memory<double> v: WriteSpan<double>(v.Span); return true;
            default: return false;
        }
    }
}
