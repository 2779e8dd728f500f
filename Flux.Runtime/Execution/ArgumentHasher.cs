using System.Collections;
using System.Runtime.InteropServices;

namespace Flux;

/// <summary>
/// Computes the stable 64-bit hash of a task call's arguments (FNV-1a over a canonical encoding).
/// The generated handles call <c>Add</c> once per argument; the result is the same in every process.
/// </summary>
/// <remarks>
/// Primitives, strings, enums, <see cref="Guid"/>, dates and sequences are encoded by value. Any other type
/// contributes its <see cref="object.ToString"/> text (records print their members), or its own encoding when it
/// implements <see cref="IStableHashable"/>.
/// </remarks>
public struct ArgumentHasher
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private ulong _hash;
    private bool _started;

    /// <summary>The hash of everything added so far.</summary>
    public readonly ulong Hash => _started ? _hash : OffsetBasis;

    private void Mix(ulong value)
    {
        if (!_started)
        {
            _hash = OffsetBasis;
            _started = true;
        }

        for (var i = 0; i < 8; i++)
        {
            _hash ^= (byte)(value >> (i * 8));
            _hash *= Prime;
        }
    }

    private void MixTag(byte tag)
    {
        if (!_started)
        {
            _hash = OffsetBasis;
            _started = true;
        }

        _hash ^= tag;
        _hash *= Prime;
    }

    /// <summary>Adds a string (null and empty differ).</summary>
    public void Add(string? value)
    {
        if (value is null)
        {
            MixTag(0);
            return;
        }

        MixTag(1);
        foreach (var b in MemoryMarshal.AsBytes(value.AsSpan()))
        {
            _hash ^= b;
            _hash *= Prime;
        }

        Mix((ulong)value.Length);
    }

    /// <summary>Adds an integer.</summary>
    public void Add(int value) { MixTag(2); Mix((ulong)value); }

    /// <summary>Adds an integer.</summary>
    public void Add(long value) { MixTag(3); Mix((ulong)value); }

    /// <summary>Adds a boolean.</summary>
    public void Add(bool value) { MixTag(4); Mix(value ? 1UL : 0UL); }

    /// <summary>Adds a floating-point number by its bits.</summary>
    public void Add(double value) { MixTag(5); Mix((ulong)BitConverter.DoubleToInt64Bits(value)); }

    /// <summary>Adds a decimal by its bits.</summary>
    public void Add(decimal value)
    {
        MixTag(6);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        foreach (var part in bits)
        {
            Mix((ulong)part);
        }
    }

    /// <summary>Adds a GUID.</summary>
    public void Add(Guid value)
    {
        MixTag(7);
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        Mix(BitConverter.ToUInt64(bytes));
        Mix(BitConverter.ToUInt64(bytes[8..]));
    }

    /// <summary>Adds a date and time (its ticks and kind).</summary>
    public void Add(DateTime value) { MixTag(8); Mix((ulong)value.Ticks); Mix((ulong)value.Kind); }

    /// <summary>Adds a date and time with offset (its UTC ticks and offset).</summary>
    public void Add(DateTimeOffset value) { MixTag(9); Mix((ulong)value.UtcTicks); Mix((ulong)value.Offset.Ticks); }

    /// <summary>Adds a time span.</summary>
    public void Add(TimeSpan value) { MixTag(10); Mix((ulong)value.Ticks); }

    /// <summary>Adds any value: by value for known types and sequences, otherwise by its text.</summary>
    public void Add<T>(T value)
    {
        switch (value)
        {
            case null: MixTag(0); break;
            case string s: Add(s); break;
            case int i: Add(i); break;
            case long l: Add(l); break;
            case bool b: Add(b); break;
            case double d: Add(d); break;
            case float f: Add((double)f); break;
            case decimal m: Add(m); break;
            case Guid g: Add(g); break;
            case DateTime dt: Add(dt); break;
            case DateTimeOffset dto: Add(dto); break;
            case TimeSpan ts: Add(ts); break;
            case Enum e: MixTag(11); Add(e.ToString()); break;
            case IStableHashable h: MixTag(12); h.AddTo(ref this); break;
            case System.Runtime.CompilerServices.ITuple tuple:
                MixTag(13);
                for (var i = 0; i < tuple.Length; i++)
                {
                    Add(tuple[i]);
                }

                break;
            case IEnumerable sequence:
                MixTag(14);
                var count = 0UL;
                foreach (var item in sequence)
                {
                    Add(item);
                    count++;
                }

                Mix(count);
                break;
            case IConvertible convertible:
                MixTag(15);
                Add(convertible.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                MixTag(16);
                Add(value.ToString());
                break;
        }
    }
}

/// <summary>Lets a type give its own stable encoding for task-call ids.</summary>
public interface IStableHashable
{
    /// <summary>Adds this value's identifying parts to the hasher.</summary>
    void AddTo(ref ArgumentHasher hasher);
}
