using System.Buffers.Binary;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Flux;

/// <summary>
/// Writes the exact, canonical encoding of values and hashes it to a stable 64-bit fingerprint: what identifies a task
/// call's arguments in its id (<c>{task}_{fingerprint:x16}</c>), in every process, culture and machine.
/// </summary>
/// <remarks>
/// <para>
/// Every value is a tag byte followed by its payload, little-endian on every host; the encoding and the hash (XXH64,
/// seed 0) are described in <c>docs/fingerprints.md</c> and pinned forever, because recorded executions are replayed
/// by fingerprint. Generated task handles write their arguments with it; a type of your own that the generator cannot
/// see through implements <see cref="IStableHashable"/> and writes its identifying parts with the same methods.
/// </para>
/// <para>
/// The writer allocates nothing for scalars, strings, objects and sequences; arrays and spans of primitives are hashed
/// through their bytes, a word at a time. Sets and dictionaries are written in ascending order of their entries'
/// encodings, so the order they were filled in does not matter.
/// </para>
/// </remarks>
public ref partial struct FingerprintWriter
{
    /// <summary>How deeply objects and collections may nest: a value that refers to itself has no fingerprint.</summary>
    public const int MaxDepth = 1000;

    private XxHash64 _hash;

    /// <summary>While a set or a dictionary is being written, its entries go here to be sorted; null otherwise.</summary>
    private FingerprintRecorder? _recorder;

    private int _depth;

    /// <summary>The fingerprint of everything written so far.</summary>
    /// <exception cref="InvalidOperationException">A set or a dictionary is still being written.</exception>
    public readonly ulong GetFingerprint()
    {
        if (_recorder is not null)
        {
            throw new InvalidOperationException("A set or a dictionary is still being written: finish it before taking the fingerprint.");
        }

        return _hash.Digest();
    }

    /// <summary>
    /// The encoding <paramref name="write"/> writes, as bytes instead of a hash: what the fingerprint hashes. For tests
    /// that pin the encoding byte by byte against <c>docs/fingerprints.md</c>.
    /// </summary>
    internal static byte[] EncodingOf<T>(T value, FingerprintEncoder<T> write)
    {
        var writer = default(FingerprintWriter);
        var recorder = new FingerprintRecorder();
        writer._recorder = recorder;
        var frame = recorder.Begin(); // an outer frame that never ends: everything stays recorded
        write(ref writer, value);
        return recorder.Recorded(frame).ToArray();
    }

    /// <summary>Writes a null reference (or an empty nullable value).</summary>
    public void WriteNull() => AppendTag(FingerprintTag.Null);

    /// <summary>Writes a <see cref="bool"/>.</summary>
    public void Write(bool value) => AppendByte(FingerprintTag.Boolean, value ? (byte)1 : (byte)0);

    /// <summary>Writes an <see cref="sbyte"/>.</summary>
    public void Write(sbyte value) => AppendByte(FingerprintTag.SByte, (byte)value);

    /// <summary>Writes a <see cref="byte"/>.</summary>
    public void Write(byte value) => AppendByte(FingerprintTag.Byte, value);

    /// <summary>Writes a <see cref="short"/>.</summary>
    public void Write(short value) => AppendUInt16(FingerprintTag.Int16, (ushort)value);

    /// <summary>Writes a <see cref="ushort"/>.</summary>
    public void Write(ushort value) => AppendUInt16(FingerprintTag.UInt16, value);

    /// <summary>Writes an <see cref="int"/>.</summary>
    public void Write(int value) => AppendUInt32(FingerprintTag.Int32, (uint)value);

    /// <summary>Writes a <see cref="uint"/>.</summary>
    public void Write(uint value) => AppendUInt32(FingerprintTag.UInt32, value);

    /// <summary>Writes a <see cref="long"/>.</summary>
    public void Write(long value) => AppendUInt64(FingerprintTag.Int64, (ulong)value);

    /// <summary>Writes a <see cref="ulong"/>.</summary>
    public void Write(ulong value) => AppendUInt64(FingerprintTag.UInt64, value);

    /// <summary>Writes an <see cref="nint"/> as the 64-bit integer it is, so that 32-bit and 64-bit processes agree.</summary>
    public void Write(nint value) => Write((long)value);

    /// <summary>Writes an <see cref="nuint"/> as the 64-bit integer it is, so that 32-bit and 64-bit processes agree.</summary>
    public void Write(nuint value) => Write((ulong)value);

    /// <summary>Writes an <see cref="Int128"/>.</summary>
    public void Write(Int128 value)
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = (byte)FingerprintTag.Int128;
        FingerprintPayload.Write(value, bytes[1..]);
        Append(bytes);
    }

    /// <summary>Writes a <see cref="UInt128"/>.</summary>
    public void Write(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = (byte)FingerprintTag.UInt128;
        FingerprintPayload.Write(value, bytes[1..]);
        Append(bytes);
    }

    /// <summary>Writes a <see cref="char"/> (its UTF-16 code unit).</summary>
    public void Write(char value) => AppendUInt16(FingerprintTag.Char, value);

    /// <summary>Writes a <see cref="Half"/> by its bits; every NaN is written as one canonical NaN.</summary>
    public void Write(Half value) => AppendUInt16(FingerprintTag.Half, FingerprintPayload.Bits(value));

    /// <summary>Writes a <see cref="float"/> by its bits (so 0.0 and -0.0 differ); every NaN is written as one canonical NaN.</summary>
    public void Write(float value) => AppendUInt32(FingerprintTag.Single, FingerprintPayload.Bits(value));

    /// <summary>Writes a <see cref="double"/> by its bits (so 0.0 and -0.0 differ); every NaN is written as one canonical NaN.</summary>
    public void Write(double value) => AppendUInt64(FingerprintTag.Double, FingerprintPayload.Bits(value));

    /// <summary>Writes a <see cref="decimal"/> exactly, scale included: 1.0m and 1.00m differ, as their text does.</summary>
    public void Write(decimal value)
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = (byte)FingerprintTag.Decimal;
        FingerprintPayload.Write(value, bytes[1..]);
        Append(bytes);
    }

    /// <summary>Writes a <see cref="Guid"/>.</summary>
    public void Write(Guid value)
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = (byte)FingerprintTag.Guid;
        FingerprintPayload.Write(value, bytes[1..]);
        Append(bytes);
    }

    /// <summary>Writes a <see cref="DateTime"/> with full precision: its ticks and its kind.</summary>
    public void Write(DateTime value)
    {
        Span<byte> bytes = stackalloc byte[10];
        bytes[0] = (byte)FingerprintTag.DateTime;
        FingerprintPayload.Write(value, bytes[1..]);
        Append(bytes);
    }

    /// <summary>Writes a <see cref="DateTimeOffset"/> with full precision: its clock ticks and its offset.</summary>
    public void Write(DateTimeOffset value)
    {
        Span<byte> bytes = stackalloc byte[11];
        bytes[0] = (byte)FingerprintTag.DateTimeOffset;
        FingerprintPayload.Write(value, bytes[1..]);
        Append(bytes);
    }

    /// <summary>Writes a <see cref="TimeSpan"/> (its ticks).</summary>
    public void Write(TimeSpan value) => AppendUInt64(FingerprintTag.TimeSpan, (ulong)value.Ticks);

    /// <summary>Writes a <see cref="DateOnly"/> (its day number).</summary>
    public void Write(DateOnly value) => AppendUInt32(FingerprintTag.DateOnly, (uint)value.DayNumber);

    /// <summary>Writes a <see cref="TimeOnly"/> (its ticks).</summary>
    public void Write(TimeOnly value) => AppendUInt64(FingerprintTag.TimeOnly, (ulong)value.Ticks);

    /// <summary>Writes a string by its UTF-16 code units; null and empty differ.</summary>
    public void Write(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        AppendText(FingerprintTag.String, value);
    }

    /// <summary>
    /// Starts an object: then <see cref="WriteName"/> and the value of each member, and <see cref="EndObject"/>.
    /// Generated encoders write a struct or a sealed class this way, members in ordinal order of their names.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public void BeginObject()
    {
        Enter();
        AppendTag(FingerprintTag.Object);
    }

    /// <summary>
    /// Starts an object whose encoder covers the members of <typeparamref name="T"/>, after checking that
    /// <paramref name="value"/> is exactly a <typeparamref name="T"/>: a derived type's own members would be missed.
    /// </summary>
    /// <exception cref="FingerprintException"><paramref name="value"/> is of a type derived from <typeparamref name="T"/>.</exception>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public void BeginObject<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.GetType() != typeof(T))
        {
            throw FingerprintException.DerivedType(value.GetType(), typeof(T));
        }

        BeginObject();
    }

    /// <summary>Writes the name of the member whose value is written next.</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public void WriteName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        AppendText(FingerprintTag.Name, name);
    }

    /// <summary>Ends the object started by <see cref="BeginObject()"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public void EndObject()
    {
        AppendTag(FingerprintTag.EndObject);
        Exit();
    }

    /// <summary>Starts a tuple of <paramref name="length"/> elements: write exactly that many values next.</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public void BeginTuple(int length) => AppendHeader(FingerprintTag.Tuple, length);

    /// <summary>Writes a value that gives its own encoding, between object markers.</summary>
    public void WriteStable<T>(T value)
        where T : IStableHashable
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        BeginObject();
        value.WriteFingerprint(ref this);
        EndObject();
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw FingerprintException.TooDeep();
        }
    }

    private void Exit() => _depth--;

    // ---- the byte sink: the hash, or the recorder while a set or a dictionary is open ----------------------------

    private void Append(scoped ReadOnlySpan<byte> bytes)
    {
        if (_recorder is null)
        {
            _hash.Append(bytes);
        }
        else
        {
            _recorder.Append(bytes);
        }
    }

    private void AppendTag(FingerprintTag tag) => AppendTagged(tag, 0, 0);

    private void AppendByte(FingerprintTag tag, byte value) => AppendTagged(tag, value, 1);

    private void AppendUInt16(FingerprintTag tag, ushort value) => AppendTagged(tag, value, 2);

    private void AppendUInt32(FingerprintTag tag, uint value) => AppendTagged(tag, value, 4);

    private void AppendUInt64(FingerprintTag tag, ulong value) => AppendTagged(tag, value, 8);

    /// <summary>A tag and up to eight payload bytes (the low <paramref name="size"/> bytes of <paramref name="payload"/>), little-endian.</summary>
    private void AppendTagged(FingerprintTag tag, ulong payload, int size)
    {
        if (_recorder is null)
        {
            _hash.AppendTagged((byte)tag, payload, size);
            return;
        }

        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = (byte)tag;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[1..], payload);
        _recorder.Append(bytes[..(1 + size)]);
    }

    /// <summary>A tag and a count or length, uint32 little-endian.</summary>
    private void AppendHeader(FingerprintTag tag, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        AppendUInt32(tag, (uint)count);
    }

    /// <summary>A tag, the length in UTF-16 code units, and the code units, little-endian.</summary>
    private void AppendText(FingerprintTag tag, string text)
    {
        AppendHeader(tag, text.Length);
        AppendUtf16(text.AsSpan());
    }

    private void AppendUtf16(ReadOnlySpan<char> text)
    {
        if (BitConverter.IsLittleEndian)
        {
            Append(MemoryMarshal.AsBytes(text));
            return;
        }

        Span<byte> chunk = stackalloc byte[256];
        while (!text.IsEmpty)
        {
            var count = Math.Min(text.Length, chunk.Length / 2);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(chunk[(i * 2)..], text[i]);
            }

            Append(chunk[..(count * 2)]);
            text = text[count..];
        }
    }
}
