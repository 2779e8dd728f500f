using System.Buffers.Binary;
using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Flux;

/// <summary>Sequences (packed when their items are of a fixed-width kind), sets, dictionaries and pairs.</summary>
public ref partial struct FingerprintWriter
{
    /// <summary>
    /// Writes a sequence: its count, then its items in order. A sequence that is a set (<see cref="ISet{T}"/>,
    /// <see cref="IReadOnlySet{T}"/>) is written as a set. Items of a fixed-width kind (numbers, chars, dates, enums...)
    /// are packed; arrays and lists of primitives are hashed through their bytes.
    /// </summary>
    /// <param name="items">The sequence, enumerated once; null is written as null.</param>
    /// <param name="writeItem">Writes one item; null to write items as <see cref="Write{T}(T)"/> does.</param>
    public void WriteSequence<T>(IEnumerable<T>? items, FingerprintEncoder<T>? writeItem = null)
    {
        switch (items)
        {
            case null:
                WriteNull();
                return;
            case T[] array:
                WriteSpan(new ReadOnlySpan<T>(array), writeItem);
                return;
            case List<T> list:
                WriteSpan(CollectionsMarshal.AsSpan(list), writeItem);
                return;
            case ISet<T> or IReadOnlySet<T>:
                WriteSet(items, writeItem);
                return;
        }

        if (!TryGetCount(items, out var count))
        {
            // Not a collection: enumerate it once, into an array, to know its count before its items.
            WriteSpan(new ReadOnlySpan<T>(items.ToArray()), writeItem);
            return;
        }

        Enter();
        var written = 0;
        if (writeItem is null && FixedWidth<T>.Tag is { } kind)
        {
            AppendPackedHeader(kind, count);
            Span<byte> payload = stackalloc byte[16];
            payload = payload[..FingerprintPayload.Size(kind)];
            foreach (var item in items)
            {
                FingerprintPayload.Write(item, payload);
                Append(payload);
                written++;
            }
        }
        else
        {
            AppendHeader(FingerprintTag.Sequence, count);
            foreach (var item in items)
            {
                WriteItem(item, writeItem);
                written++;
            }
        }

        CheckCount(count, written);
        Exit();
    }

    /// <summary>Writes a span as a sequence (the same encoding as <see cref="WriteSequence{T}"/> for the same items).</summary>
    /// <param name="items">The items.</param>
    /// <param name="writeItem">Writes one item; null to write items as <see cref="Write{T}(T)"/> does.</param>
    public void WriteSpan<T>(ReadOnlySpan<T> items, FingerprintEncoder<T>? writeItem = null)
    {
        Enter();
        if (writeItem is null && FixedWidth<T>.Tag is { } kind)
        {
            WritePacked(items, kind, allowRawBytes: BitConverter.IsLittleEndian);
        }
        else
        {
            AppendHeader(FingerprintTag.Sequence, items.Length);
            foreach (var item in items)
            {
                WriteItem(item, writeItem);
            }
        }

        Exit();
    }

    /// <summary>
    /// Writes a set: its count, then its items in ascending ordinal order of their encodings, so that two sets with
    /// the same items have the same fingerprint whatever order they were filled in.
    /// </summary>
    /// <param name="items">The set, enumerated once; null is written as null.</param>
    /// <param name="writeItem">Writes one item; null to write items as <see cref="Write{T}(T)"/> does.</param>
    public void WriteSet<T>(IEnumerable<T>? items, FingerprintEncoder<T>? writeItem = null)
    {
        if (items is null)
        {
            WriteNull();
            return;
        }

        if (!TryGetCount(items, out var count))
        {
            var all = items.ToArray();
            items = all;
            count = all.Length;
        }

        Enter();
        AppendHeader(FingerprintTag.Set, count);
        var frame = BeginUnordered();
        foreach (var item in items)
        {
            _recorder!.MarkEntry();
            WriteItem(item, writeItem);
        }

        EndUnordered(frame, count);
        Exit();
    }

    /// <summary>
    /// Writes a dictionary: its count, then each entry (key, then value) in ascending ordinal order of the entries'
    /// encodings, so that two dictionaries with the same entries have the same fingerprint whatever order they were
    /// filled in.
    /// </summary>
    /// <param name="entries">The dictionary, enumerated once; null is written as null.</param>
    /// <param name="writeKey">Writes one key; null to write keys as <see cref="Write{T}(T)"/> does.</param>
    /// <param name="writeValue">Writes one value; null to write values as <see cref="Write{T}(T)"/> does.</param>
    public void WriteDictionary<TKey, TValue>(
        IEnumerable<KeyValuePair<TKey, TValue>>? entries,
        FingerprintEncoder<TKey>? writeKey = null,
        FingerprintEncoder<TValue>? writeValue = null)
    {
        if (entries is null)
        {
            WriteNull();
            return;
        }

        if (!TryGetCount(entries, out var count))
        {
            var all = entries.ToArray();
            entries = all;
            count = all.Length;
        }

        Enter();
        AppendHeader(FingerprintTag.Dictionary, count);
        var frame = BeginUnordered();
        foreach (var entry in entries)
        {
            _recorder!.MarkEntry();
            WriteItem(entry.Key, writeKey);
            WriteItem(entry.Value, writeValue);
        }

        EndUnordered(frame, count);
        Exit();
    }

    /// <summary>Writes a key-value pair as the tuple (key, value).</summary>
    /// <param name="pair">The pair.</param>
    /// <param name="writeKey">Writes the key; null to write it as <see cref="Write{T}(T)"/> does.</param>
    /// <param name="writeValue">Writes the value; null to write it as <see cref="Write{T}(T)"/> does.</param>
    public void WritePair<TKey, TValue>(KeyValuePair<TKey, TValue> pair, FingerprintEncoder<TKey>? writeKey = null, FingerprintEncoder<TValue>? writeValue = null)
    {
        BeginTuple(2);
        WriteItem(pair.Key, writeKey);
        WriteItem(pair.Value, writeValue);
    }

    private void WriteItem<T>(T item, FingerprintEncoder<T>? writeItem)
    {
        if (writeItem is null)
        {
            Write(item);
        }
        else
        {
            writeItem(ref this, item);
        }
    }

    /// <summary>
    /// A packed sequence: header, then the payloads. When the items' memory is their payloads (a little-endian host, no
    /// NaN to canonicalize), the memory is hashed as it is, 32 bytes at a time; otherwise item by item.
    /// </summary>
    /// <remarks>Internal with <paramref name="allowRawBytes"/> so that tests prove both paths write the same bytes.</remarks>
    internal void WritePacked<T>(ReadOnlySpan<T> items, FingerprintTag kind, bool allowRawBytes)
    {
        AppendPackedHeader(kind, items.Length);
        if (allowRawBytes && IsRaw(items))
        {
            Append(MemoryMarshal.CreateReadOnlySpan(
                ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(items)),
                checked(items.Length * Unsafe.SizeOf<T>())));
            return;
        }

        var size = FingerprintPayload.Size(kind);
        Span<byte> chunk = stackalloc byte[512];
        var perChunk = chunk.Length / size;
        while (!items.IsEmpty)
        {
            var count = Math.Min(items.Length, perChunk);
            for (var i = 0; i < count; i++)
            {
                FingerprintPayload.Write(items[i], chunk.Slice(i * size, size));
            }

            Append(chunk[..(count * size)]);
            items = items[count..];
        }
    }

    private static bool IsRaw<T>(ReadOnlySpan<T> items)
    {
        switch (FixedWidth<T>.Raw)
        {
            case RawBytes.Always:
                return true;
            case RawBytes.Never:
                return false;
        }

        if (typeof(T) == typeof(bool))
        {
            return MemoryMarshal.AsBytes(Reinterpret<T, bool>(items)).IndexOfAnyExceptInRange((byte)0, (byte)1) < 0;
        }

        if (typeof(T) == typeof(float))
        {
            return !ContainsNaN(Reinterpret<T, float>(items));
        }

        return !ContainsNaN(Reinterpret<T, double>(items));
    }

    /// <summary>The items as <typeparamref name="TTo"/>, which is what <typeparamref name="T"/> is (checked by the caller).</summary>
    private static ReadOnlySpan<TTo> Reinterpret<T, TTo>(ReadOnlySpan<T> items) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, TTo>(ref MemoryMarshal.GetReference(items)), items.Length);

    /// <summary>True when a NaN is among <paramref name="values"/>; vectorized (a NaN is the only value not equal to itself).</summary>
    private static bool ContainsNaN<TFloat>(ReadOnlySpan<TFloat> values)
        where TFloat : struct, IFloatingPointIeee754<TFloat>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= values.Length - Vector<TFloat>.Count; i += Vector<TFloat>.Count)
            {
                var vector = new Vector<TFloat>(values[i..]);
                if (!Vector.EqualsAll(vector, vector))
                {
                    return true;
                }
            }
        }

        for (; i < values.Length; i++)
        {
            if (TFloat.IsNaN(values[i]))
            {
                return true;
            }
        }

        return false;
    }

    private void AppendPackedHeader(FingerprintTag kind, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Span<byte> header = stackalloc byte[6];
        header[0] = (byte)FingerprintTag.PackedSequence;
        header[1] = (byte)kind;
        BinaryPrimitives.WriteUInt32LittleEndian(header[2..], (uint)count);
        Append(header);
    }

    private static bool TryGetCount<T>(IEnumerable<T> items, out int count)
    {
        switch (items)
        {
            case ICollection<T> collection:
                count = collection.Count;
                return true;
            case IReadOnlyCollection<T> collection:
                count = collection.Count;
                return true;
            case ICollection collection:
                count = collection.Count;
                return true;
            default:
                count = 0;
                return false;
        }
    }

    private static void CheckCount(int expected, int written)
    {
        if (expected != written)
        {
            throw FingerprintException.ChangedWhileWriting(expected, written);
        }
    }

    // ---- sets and dictionaries: record the entries, sort them, then hash them --------------------------------------

    private FingerprintRecorder.Frame BeginUnordered()
    {
        _recorder ??= FingerprintRecorder.Rent();
        return _recorder.Begin();
    }

    private void EndUnordered(FingerprintRecorder.Frame frame, int count)
    {
        var recorder = _recorder!;
        CheckCount(count, recorder.EntriesSince(frame));
        if (recorder.End(frame))
        {
            // The outermost set or dictionary is complete: its sorted entries go to the hash.
            _recorder = null;
            recorder.Drain(ref _hash);
            FingerprintRecorder.Return(recorder);
        }
    }
}
