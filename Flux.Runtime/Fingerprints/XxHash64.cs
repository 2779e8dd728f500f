using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// XXH64 with seed 0, fed incrementally: the hash of a call's fingerprint (see <c>docs/fingerprints.md</c>). It keeps
/// its whole state inline (four lanes, the length and a 32-byte stripe buffer), so hashing allocates nothing, and bulk
/// input is consumed 32 bytes (four 64-bit words) at a time.
/// </summary>
/// <remarks>
/// The algorithm is the published XXH64 (xxHash 0.8 specification); words are read little-endian on every host, so the
/// result does not depend on the machine. Tests compare it with System.IO.Hashing's <c>XxHash64</c> on every split of
/// many inputs. It is pinned forever: recorded executions are replayed by fingerprint.
/// </remarks>
internal struct XxHash64
{
    private const ulong Prime1 = 11400714785074694791UL;
    private const ulong Prime2 = 14029467366897019727UL;
    private const ulong Prime3 = 1609587929392839161UL;
    private const ulong Prime4 = 9650029242287828579UL;
    private const ulong Prime5 = 2870177450012600261UL;
    private const int StripeLength = 32;

    private ulong _v1;
    private ulong _v2;
    private ulong _v3;
    private ulong _v4;
    private ulong _length;
    private Stripe _pending;
    private int _pendingLength;
    private bool _started;

    /// <summary>Adds bytes to the hashed input.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (!_started)
        {
            Start();
        }

        _length += (ulong)data.Length;
        Span<byte> pending = _pending;
        if (_pendingLength + data.Length < StripeLength)
        {
            data.CopyTo(pending[_pendingLength..]);
            _pendingLength += data.Length;
            return;
        }

        if (_pendingLength > 0)
        {
            var fill = StripeLength - _pendingLength;
            data[..fill].CopyTo(pending[_pendingLength..]);
            ConsumeStripes(pending);
            data = data[fill..];
            _pendingLength = 0;
        }

        var whole = data.Length & ~(StripeLength - 1);
        if (whole > 0)
        {
            ConsumeStripes(data[..whole]);
            data = data[whole..];
        }

        data.CopyTo(pending);
        _pendingLength = data.Length;
    }

    /// <summary>
    /// Adds a tag byte and the low <paramref name="size"/> bytes of <paramref name="payload"/>, little-endian: the common
    /// case of a small value, written straight into the stripe buffer when it fits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AppendTagged(byte tag, ulong payload, int size)
    {
        if (_started && _pendingLength <= StripeLength - 9)
        {
            ref var at = ref Unsafe.Add(ref Unsafe.As<Stripe, byte>(ref _pending), _pendingLength);
            at = tag;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, 1), BitConverter.IsLittleEndian ? payload : BinaryPrimitives.ReverseEndianness(payload));
            _pendingLength += 1 + size;
            _length += (ulong)(1 + size);
            return;
        }

        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = tag;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[1..], payload);
        Append(bytes[..(1 + size)]);
    }

    /// <summary>The hash of everything appended so far (the state is left as it is).</summary>
    public readonly ulong Digest()
    {
        ulong hash;
        if (_length >= StripeLength)
        {
            hash = BitOperations.RotateLeft(_v1, 1) + BitOperations.RotateLeft(_v2, 7)
                + BitOperations.RotateLeft(_v3, 12) + BitOperations.RotateLeft(_v4, 18);
            hash = MergeRound(hash, _v1);
            hash = MergeRound(hash, _v2);
            hash = MergeRound(hash, _v3);
            hash = MergeRound(hash, _v4);
        }
        else
        {
            hash = Prime5; // seed 0
        }

        hash += _length;

        ReadOnlySpan<byte> rest = _pending;
        rest = rest[.._pendingLength];
        while (rest.Length >= 8)
        {
            hash ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(rest));
            hash = (BitOperations.RotateLeft(hash, 27) * Prime1) + Prime4;
            rest = rest[8..];
        }

        if (rest.Length >= 4)
        {
            hash ^= BinaryPrimitives.ReadUInt32LittleEndian(rest) * Prime1;
            hash = (BitOperations.RotateLeft(hash, 23) * Prime2) + Prime3;
            rest = rest[4..];
        }

        foreach (var b in rest)
        {
            hash ^= b * Prime5;
            hash = BitOperations.RotateLeft(hash, 11) * Prime1;
        }

        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        hash ^= hash >> 32;
        return hash;
    }

    private void Start()
    {
        unchecked
        {
            _v1 = Prime1 + Prime2;
            _v2 = Prime2;
            _v3 = 0;
            _v4 = 0 - Prime1;
        }

        _started = true;
    }

    /// <summary>Runs whole 32-byte stripes through the four lanes; the lanes stay in registers for the whole loop.</summary>
    private void ConsumeStripes(ReadOnlySpan<byte> stripes)
    {
        var v1 = _v1;
        var v2 = _v2;
        var v3 = _v3;
        var v4 = _v4;
        ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(stripes);
        for (nint offset = 0, end = stripes.Length; offset < end; offset += StripeLength)
        {
            v1 = Round(v1, ReadWord(ref start, offset));
            v2 = Round(v2, ReadWord(ref start, offset + 8));
            v3 = Round(v3, ReadWord(ref start, offset + 16));
            v4 = Round(v4, ReadWord(ref start, offset + 24));
        }

        _v1 = v1;
        _v2 = v2;
        _v3 = v3;
        _v4 = v4;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadWord(ref byte start, nint offset)
    {
        var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.AddByteOffset(ref start, offset));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong accumulator, ulong input)
    {
        accumulator += input * Prime2;
        accumulator = BitOperations.RotateLeft(accumulator, 31);
        return accumulator * Prime1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MergeRound(ulong accumulator, ulong value)
    {
        accumulator ^= Round(0, value);
        return (accumulator * Prime1) + Prime4;
    }

    [InlineArray(StripeLength)]
    private struct Stripe
    {
        private byte _element;
    }
}
