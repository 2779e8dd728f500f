namespace Flux;

/// <summary>
/// The in-memory, append-only event log of one execution. Events live in fixed-size chunks, so the log
/// never copies what it holds as it grows and never allocates on the large-object heap.
/// </summary>
internal sealed class EventLog
{
    private const int ChunkSize = 512;

    private readonly List<ExecutionEvent[]> _chunks = [];
    private ExecutionEvent[] _current = [];
    private int _countInCurrent = ChunkSize;
    private int _count;

    public int Count => _count;

    /// <summary>Appends an event; the caller holds the execution's lock.</summary>
    public void Append(in ExecutionEvent evt)
    {
        if (_countInCurrent == ChunkSize)
        {
            // Small logs (most executions) start with a small chunk and grow it once before going to full chunks.
            _current = new ExecutionEvent[_chunks.Count == 0 ? 16 : ChunkSize];
            _chunks.Add(_current);
            _countInCurrent = 0;
        }
        else if (_countInCurrent == _current.Length)
        {
            Array.Resize(ref _current, ChunkSize);
            _chunks[^1] = _current;
        }

        _current[_countInCurrent++] = evt;
        _count++;
    }

    /// <summary>Copies the events out, in order; the caller holds the execution's lock.</summary>
    public ExecutionEvent[] ToArray()
    {
        var copy = new ExecutionEvent[_count];
        var at = 0;
        foreach (var chunk in _chunks)
        {
            var length = Math.Min(chunk.Length, _count - at);
            Array.Copy(chunk, 0, copy, at, length);
            at += length;
        }

        return copy;
    }
}
