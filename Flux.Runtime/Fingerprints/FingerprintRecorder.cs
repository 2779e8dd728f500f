using System.Buffers;

namespace Flux;

/// <summary>
/// The encodings of the entries of the sets and dictionaries being written, so that they can be sorted before they
/// are hashed. Nested sets share one recorder: each is a frame of it, sorted in place when it ends.
/// </summary>
/// <remarks>One recorder per thread is kept for reuse, so that writing a small dictionary allocates nothing.</remarks>
internal sealed class FingerprintRecorder
{
    /// <summary>A recorder whose buffer grew beyond this is not kept for reuse.</summary>
    private const int KeepLimit = 1 << 20;

    [ThreadStatic]
    private static FingerprintRecorder? t_cached;

    private byte[] _bytes = new byte[256];
    private int _length;
    private int[] _entryStarts = new int[16];
    private int _entryCount;
    private int _nesting;

    public static FingerprintRecorder Rent()
    {
        var recorder = t_cached ?? new FingerprintRecorder();
        t_cached = null;
        return recorder;
    }

    public static void Return(FingerprintRecorder recorder)
    {
        recorder._length = 0;
        recorder._entryCount = 0;
        recorder._nesting = 0;
        if (recorder._bytes.Length <= KeepLimit)
        {
            t_cached = recorder;
        }
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(checked(_length + bytes.Length), _bytes.Length * 2));
        }

        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    public Frame Begin()
    {
        _nesting++;
        return new Frame(_length, _entryCount);
    }

    /// <summary>The next bytes start an entry of the innermost set or dictionary.</summary>
    public void MarkEntry()
    {
        if (_entryCount == _entryStarts.Length)
        {
            Array.Resize(ref _entryStarts, _entryStarts.Length * 2);
        }

        _entryStarts[_entryCount++] = _length;
    }

    public int EntriesSince(Frame frame) => _entryCount - frame.Entries;

    /// <summary>Sorts the frame's entries in place (ordinal order of their bytes); true when it was the outermost frame.</summary>
    public bool End(Frame frame)
    {
        var count = _entryCount - frame.Entries;
        if (count > 1)
        {
            var ranges = ArrayPool<Range>.Shared.Rent(count);
            var copy = ArrayPool<byte>.Shared.Rent(_length - frame.Bytes);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var start = _entryStarts[frame.Entries + i];
                    var end = i + 1 < count ? _entryStarts[frame.Entries + i + 1] : _length;
                    ranges[i] = new Range(start - frame.Bytes, end - frame.Bytes);
                }

                var region = _bytes.AsSpan(frame.Bytes, _length - frame.Bytes);
                region.CopyTo(copy);
                ranges.AsSpan(0, count).Sort(new ByContent(copy));

                var at = 0;
                foreach (var range in ranges.AsSpan(0, count))
                {
                    var entry = copy.AsSpan()[range];
                    entry.CopyTo(region[at..]);
                    at += entry.Length;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(copy);
                ArrayPool<Range>.Shared.Return(ranges);
            }
        }

        _entryCount = frame.Entries;
        return --_nesting == 0;
    }

    /// <summary>What was recorded since <paramref name="frame"/> began.</summary>
    public ReadOnlySpan<byte> Recorded(Frame frame) => _bytes.AsSpan(frame.Bytes, _length - frame.Bytes);

    /// <summary>Hands everything recorded to the hash, in order.</summary>
    public void Drain(ref XxHash64 hash) => hash.Append(_bytes.AsSpan(0, _length));

    /// <summary>Where a set or a dictionary began: its first byte and its first entry.</summary>
    public readonly record struct Frame(int Bytes, int Entries);

    /// <summary>Ordinal order of the entries' bytes (entries that tie are equal, so their order does not matter).</summary>
    private readonly struct ByContent(byte[] bytes) : IComparer<Range>
    {
        public int Compare(Range x, Range y) => bytes.AsSpan()[x].SequenceCompareTo(bytes.AsSpan()[y]);
    }
}
