using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// The in-memory, append-only event log of one execution. Each event is kept as an unmanaged record (no references),
/// in fixed-size chunks: the garbage collector never scans what the log holds, and the log never copies itself as it
/// grows. The first chunks are ordinary arrays (most executions need one; they die young with their execution); past
/// <see cref="PinnedAfter"/> chunks the log is a long one, whose chunks live as long as it does, so they are allocated
/// on the pinned object heap, where the collector never copies them from one generation to the next. What an event refers to (the
/// scope its call was made in, its task's name, a value that is not kept inline) is kept once in a side table and
/// referred to by index. The public <see cref="ExecutionEvent"/>s are built when the log is read.
/// </summary>
/// <remarks>Not thread-safe: the execution's lock guards every call.</remarks>
internal sealed class EventLog
{
    private const int ChunkSize = 512;

    /// <summary>How many chunks (of <see cref="ChunkSize"/> events) a log has before its next ones are pinned.</summary>
    private const int PinnedAfter = 64;

    private readonly List<EventRecord[]> _chunks = [];
    private readonly ObjectTable _objects = new();
    private readonly List<Scope?> _scopes = [null];
    private readonly List<string> _names = [];
    private readonly Dictionary<object, int> _nameAndValueIndexes = new(ReferenceEqualityComparer.Instance);
    private EventRecord[] _current = [];
    private int _countInCurrent = ChunkSize;
    private int _count;
    private string? _lastName;
    private int _lastNameIndex;
    private object? _lastInline;
    private int _lastInlineIndex;

    public int Count => _count;

    /// <summary>Appends an event of a task call.</summary>
    public void AppendCall(ExecutionEventType type, DateTimeOffset time, CallScope call, object? value, ulong valueBits)
    {
        ref var record = ref Next();
        record.Type = type;
        record.UtcTicks = time.UtcTicks;
        record.Scope = IndexOf(call.Parent);
        record.Name = IndexOf(call.Name);
        record.Fingerprint = call.Fingerprint;
        record.Occurrence = call.Occurrence;
        record.Slot = call.Slot;
        record.Position = call.Position;
        record.Value = IndexOfValue(value);
        record.ValueBits = valueBits;
    }

    /// <summary>Appends an event of a task call loaded from a store (a resumed execution's history), whose value is its stored JSON.</summary>
    public void AppendLoaded(ExecutionEventType type, long utcTicks, Scope? scope, string name, ulong fingerprint, int occurrence, int position, object? value)
    {
        ref var record = ref Next();
        record.Type = type;
        record.UtcTicks = utcTicks;
        record.Scope = IndexOf(scope);
        record.Name = IndexOf(name);
        record.Fingerprint = fingerprint;
        record.Occurrence = occurrence;
        record.Slot = -1;
        record.Position = position;
        record.Value = value is null ? 0 : _objects.Add(value);
    }

    /// <summary>Appends an event of the workflow itself.</summary>
    public void AppendWorkflow(ExecutionEventType type, DateTimeOffset time, string workflowName, object? value)
    {
        ref var record = ref Next();
        record.Type = type;
        record.UtcTicks = time.UtcTicks;
        record.Scope = 0;
        record.Name = IndexOf(workflowName);
        record.Slot = -1;
        record.Value = IndexOfValue(value);
    }

    /// <summary>The events, in order, as the public API shows them.</summary>
    public ExecutionEvent[] ToArray(string executionId)
    {
        var events = new ExecutionEvent[_count];
        var at = 0;
        foreach (var chunk in _chunks)
        {
            var length = Math.Min(chunk.Length, _count - at);
            for (var i = 0; i < length; i++)
            {
                ref readonly var record = ref chunk[i];
                events[at++] = record.Type >= ExecutionEventType.TaskStarted
                    ? new ExecutionEvent(
                        record.Type, record.UtcTicks, _scopes[record.Scope], _names[record.Name], record.Fingerprint,
                        record.Occurrence, record.Slot, record.Position, _objects[record.Value], record.ValueBits)
                    : new ExecutionEvent(record.Type, new DateTimeOffset(record.UtcTicks, TimeSpan.Zero), _names[record.Name], executionId, _objects[record.Value]);
            }
        }

        return events;
    }

    private ref EventRecord Next()
    {
        if (_countInCurrent == ChunkSize)
        {
            // Small logs (most executions) start with a small chunk and grow it once before going to full chunks.
            _current = _chunks.Count switch
            {
                0 => new EventRecord[16],
                < PinnedAfter => new EventRecord[ChunkSize],
                _ => GC.AllocateArray<EventRecord>(ChunkSize, pinned: true),
            };
            _chunks.Add(_current);
            _countInCurrent = 0;
        }
        else if (_countInCurrent == _current.Length)
        {
            Array.Resize(ref _current, ChunkSize);
            _chunks[^1] = _current;
        }

        _count++;
        return ref _current[_countInCurrent++];
    }

    private int IndexOf(Scope? scope)
    {
        if (scope is null)
        {
            return 0;
        }

        // A scope belongs to one execution: it keeps its own index in this log.
        if (scope.LogIndex == 0)
        {
            scope.LogIndex = _scopes.Count;
            _scopes.Add(scope);
        }

        return scope.LogIndex;
    }

    private int IndexOf(string name)
    {
        if (ReferenceEquals(name, _lastName))
        {
            return _lastNameIndex;
        }

        ref var index = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_nameAndValueIndexes, name, out var exists);
        if (!exists)
        {
            index = _names.Count;
            _names.Add(name);
        }

        _lastName = name;
        _lastNameIndex = index;
        return index;
    }

    private int IndexOfValue(object? value)
    {
        if (value is null)
        {
            return 0;
        }

        if (!EventValue.IsInline(value))
        {
            return _objects.Add(value);
        }

        // The marker of an inline value is shared by every value of its type: keep it once.
        if (ReferenceEquals(value, _lastInline))
        {
            return _lastInlineIndex;
        }

        ref var index = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_nameAndValueIndexes, value, out var exists);
        if (!exists)
        {
            index = _objects.Add(value);
        }

        _lastInline = value;
        _lastInlineIndex = index;
        return index;
    }

    /// <summary>The values events refer to, by index (0 is null), in fixed-size chunks: a log of a million string calls does not copy a growing array of them.</summary>
    private sealed class ObjectTable
    {
        private const int Size = 512;
        private readonly List<object?[]> _chunks = [new object?[16]];
        private int _count = 1;

        public object? this[int index] => _chunks[index / Size][index % Size];

        public int Add(object? value)
        {
            var chunk = _chunks[^1];
            var at = _count % Size;
            if (_count / Size == _chunks.Count)
            {
                chunk = new object?[Size];
                _chunks.Add(chunk);
            }
            else if (at == chunk.Length)
            {
                Array.Resize(ref chunk, Size);
                _chunks[^1] = chunk;
            }

            chunk[at] = value;
            return _count++;
        }
    }

    /// <summary>One event, with no references: what it refers to is in the log's side tables.</summary>
    private struct EventRecord
    {
        public long UtcTicks;
        public ulong Fingerprint;
        public ulong ValueBits;
        public int Scope;
        public int Name;
        public int Value;
        public int Occurrence;
        public int Slot;
        public int Position;
        public ExecutionEventType Type;
    }
}
