using System.Buffers.Binary;
using System.Text;

namespace Flux;

/// <summary>
/// The rules every <see cref="IExecutionStore"/> applies the same way: argument checks, sequence checks, what
/// "finished" means, the order of query results and the continuation token. One file, compiled into the core (for the
/// in-memory store) and linked into each store package, so the stores cannot drift apart.
/// </summary>
internal static class StoreRules
{
    /// <summary>The largest page a query may ask for.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Whether an execution in this state has finished (succeeded, failed or was cancelled).</summary>
    public static bool IsFinished(ExecutionState state) =>
        state is ExecutionState.Succeeded or ExecutionState.Failed or ExecutionState.Cancelled;

    /// <summary>
    /// Checks a new execution and its first events before anything is written. Returns the sequence error to report
    /// through the returned task (null when the events are numbered 1, 2, 3...); throws for invalid arguments.
    /// </summary>
    public static EventSequenceException? CheckCreate(ExecutionRecord execution, IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(execution);
        CheckExecutionId(execution.ExecutionId);
        if (string.IsNullOrEmpty(execution.WorkflowName))
        {
            throw new ArgumentException($"Execution '{execution.ExecutionId}' has no workflow name; set ExecutionRecord.WorkflowName.", nameof(execution));
        }

        CheckEvents(execution.ExecutionId, events);
        return events.Count > 0 && events[0].Sequence != 1
            ? new EventSequenceException(execution.ExecutionId, 1, events[0].Sequence)
            : FindGap(execution.ExecutionId, events);
    }

    /// <summary>
    /// Checks an append's arguments (not yet against the stored log). Returns the sequence error to report through the
    /// returned task when the events are not consecutive; throws for invalid arguments.
    /// </summary>
    public static EventSequenceException? CheckAppend(string executionId, IReadOnlyList<StoredEvent> events)
    {
        CheckExecutionId(executionId);
        CheckEvents(executionId, events);
        return FindGap(executionId, events);
    }

    private static void CheckEvents(string executionId, IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            CheckEvent(executionId, events[i]);
        }
    }

    private static EventSequenceException? FindGap(string executionId, IReadOnlyList<StoredEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].Sequence != events[i - 1].Sequence + 1)
            {
                return new EventSequenceException(executionId, events[i - 1].Sequence + 1, events[i].Sequence);
            }
        }

        return null;
    }

    /// <summary>The exception for an append whose first number does not follow the stored <paramref name="lastSequence"/>.</summary>
    public static EventSequenceException SequenceMismatch(string executionId, long lastSequence, IReadOnlyList<StoredEvent> events) =>
        new(executionId, lastSequence + 1, events[0].Sequence);

    /// <summary>Checks an execution id argument.</summary>
    public static void CheckExecutionId(string executionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
    }

    /// <summary>Checks a claim's owner argument.</summary>
    public static void CheckOwner(string owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
    }

    /// <summary>Checks a query and returns the position its continuation token points after, if it has one.</summary>
    public static PagePosition? CheckQuery(ExecutionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"ExecutionQuery.Limit must be between 1 and {MaxPageSize}.");
        }

        return query.ContinuationToken is null ? null : DecodeToken(query.ContinuationToken);
    }

    /// <summary>
    /// The order of query results: newest first, then by execution id (ordinal, descending) among executions created
    /// at the same tick. Negative when the first execution comes first.
    /// </summary>
    public static int CompareNewestFirst(long aCreatedTicks, string aId, long bCreatedTicks, string bId)
    {
        var byTime = bCreatedTicks.CompareTo(aCreatedTicks);
        return byTime != 0 ? byTime : CompareIds(bId, aId);
    }

    /// <summary>
    /// Compares execution ids by their UTF-8 bytes, the order SQLite's BINARY and PostgreSQL's "C" collations use, so
    /// that every store pages in the same order.
    /// </summary>
    public static int CompareIds(string a, string b)
    {
        // UTF-16 ordinal order equals UTF-8 byte order except between surrogate pairs and U+E000..U+FFFF; compare
        // code points to match the databases.
        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            var ca = NextCodePoint(a, ref i);
            var cb = NextCodePoint(b, ref j);
            if (ca != cb)
            {
                return ca.CompareTo(cb);
            }
        }

        return (a.Length - i).CompareTo(b.Length - j);
    }

    private static int NextCodePoint(string s, ref int index)
    {
        if (char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            var pair = char.ConvertToUtf32(s[index], s[index + 1]);
            index += 2;
            return pair;
        }

        return s[index++];
    }

    /// <summary>The token that continues a query after the last execution of a full page.</summary>
    public static string EncodeToken(long createdTicks, string executionId)
    {
        var id = Encoding.UTF8.GetBytes(executionId);
        var bytes = new byte[1 + 8 + id.Length];
        bytes[0] = TokenVersion;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), createdTicks);
        id.CopyTo(bytes, 9);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private const byte TokenVersion = 1;

    private static PagePosition DecodeToken(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var bytes = Convert.FromBase64String(base64);
            if (bytes.Length > 9 && bytes[0] == TokenVersion)
            {
                var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
                var id = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 9, bytes.Length - 9);
                if (ticks >= 0 && ticks <= DateTime.MaxValue.Ticks)
                {
                    return new PagePosition(ticks, id);
                }
            }
        }
        catch (FormatException)
        {
        }
        catch (ArgumentException)
        {
        }

        throw new ArgumentException(
            $"The continuation token '{token}' was not issued by a Flux store; pass the ExecutionPage.ContinuationToken of the previous page, or null for the first page.",
            nameof(token));
    }

    /// <summary>Stored times are UTC ticks: exact, and ordered the same way in every database.</summary>
    public static long ToTicks(DateTimeOffset time) => time.UtcTicks;

    /// <summary>A stored time back as a UTC <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>A nullable stored time back as a UTC <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset? FromTicks(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    private static void CheckEvent(string executionId, StoredEvent? e)
    {
        if (e is null)
        {
            throw new ArgumentException($"Execution '{executionId}': an event in the list is null.", "events");
        }

        if (e.Name is null)
        {
            throw new ArgumentException($"Execution '{executionId}': event {e.Sequence} has no name.", "events");
        }
    }
}

/// <summary>Where a page ends: the creation time and id of its last execution.</summary>
internal readonly record struct PagePosition(long CreatedTicks, string ExecutionId);
