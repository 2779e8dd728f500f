using System.Text;

namespace Flux.Internal;

/// <summary>
/// Turns rows of the events table into <see cref="StoredEvent"/>s. A log repeats a few task names and gives each
/// call id to several consecutive events, so equal strings are shared instead of decoded again: replaying a long log
/// allocates little more than its call ids and payloads.
/// </summary>
internal sealed class SqliteEventReader(RawStatement statement, string executionId, string path)
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private string? _lastCallId;
    private char[] _chars = new char[128];

    /// <summary>Reads the current row (columns as in <see cref="SqliteRows.EventColumns"/>).</summary>
    public StoredEvent Read()
    {
        var sequence = statement.Int64(0);
        var type = SqliteRows.ParseEventType(statement.Bytes(1), sequence, executionId, path);
        var time = StoreRules.FromTicks(statement.Int64(2));
        var callId = statement.IsNull(3) ? null : CallId(statement.Bytes(3));
        var name = Name(statement.Bytes(4));
        return new StoredEvent(sequence, type, time, callId, name, statement.Blob(5));
    }

    private string CallId(ReadOnlySpan<byte> utf8)
    {
        var chars = Decode(utf8);
        if (_lastCallId is not null && chars.SequenceEqual(_lastCallId))
        {
            return _lastCallId;
        }

        return _lastCallId = new string(chars);
    }

    private string Name(ReadOnlySpan<byte> utf8)
    {
        var chars = Decode(utf8);
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var name))
        {
            return name;
        }

        name = new string(chars);
        if (_names.Count < 1024)
        {
            _names[name] = name;
        }

        return name;
    }

    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8)
    {
        var needed = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (needed > _chars.Length)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        return _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
    }
}
