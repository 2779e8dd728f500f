using System.Globalization;

namespace Flux;

/// <summary>
/// Reads a durable execution's log from its store, once, and turns it into what a resumed run needs: its input and end
/// (output, failure, pause), the <see cref="ReplayIndex"/> of its calls, and its history in the execution's in-memory
/// log (so that <see cref="ExecutionContext.Events"/> shows every event, old and new).
/// </summary>
internal sealed class ExecutionLoader
{
    private readonly List<StoredEvent> _events;

    private ExecutionLoader(List<StoredEvent> events)
    {
        _events = events;
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case ExecutionEventType.WorkflowStarted:
                    Input ??= e.Payload;
                    break;
                case ExecutionEventType.WorkflowCompleted:
                    Output = e.Payload;
                    break;
                case ExecutionEventType.WorkflowFailed:
                    Failure = e.Payload;
                    break;
                case ExecutionEventType.WorkflowPaused:
                    PausedAt = e.Payload is { } paused ? PayloadJson.ReadString(paused, "name"u8) : null;
                    PendingResume = null;
                    break;
                case ExecutionEventType.WorkflowResumed:
                    PendingResume = new StoredResumeValue(e.Payload);
                    break;
                case ExecutionEventType.TaskResumed:
                    PendingResume = null;
                    break;
            }
        }
    }

    /// <summary>The number of the last event.</summary>
    public long LastSequence => _events.Count == 0 ? 0 : _events[^1].Sequence;

    public byte[]? Input { get; }

    public byte[]? Output { get; }

    public byte[]? Failure { get; }

    public string? PausedAt { get; }

    /// <summary>The value of a resume that was recorded but that no pause took yet (the run stopped in between).</summary>
    public StoredResumeValue? PendingResume { get; }

    /// <summary>Reads the whole log of <paramref name="executionId"/>.</summary>
    public static async Task<ExecutionLoader> ReadAsync(IExecutionStore store, string executionId, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await foreach (var e in store.ReadEventsAsync(executionId, 0, cancellationToken).ConfigureAwait(false))
        {
            if (e.Sequence != events.Count + 1)
            {
                throw new EventSequenceException(executionId, events.Count + 1, e.Sequence);
            }

            events.Add(e);
        }

        return new ExecutionLoader(events);
    }

    /// <summary>The failure a finished execution ended with.</summary>
    public Exception? ReadError(ExecutionRecord record, string workflowName)
    {
        if (record.State == ExecutionState.Cancelled)
        {
            return new OperationCanceledException($"Workflow '{workflowName}' (execution {record.ExecutionId}) was cancelled.");
        }

        if (record.State != ExecutionState.Failed)
        {
            return null;
        }

        return Failure is { } failure
            ? PayloadJson.ReadFailure(failure).ToException(workflowName, record.ExecutionId)
            : new RecordedFailureException(new RecordedFailure(record.ErrorType ?? "System.Exception", record.ErrorMessage ?? "", null, []));
    }

    /// <summary>Puts the log into <paramref name="execution"/>'s in-memory log and returns the index of its calls.</summary>
    public ReplayIndex Load(ExecutionContext execution)
    {
        var index = new ReplayIndex(_events.Count / 2);
        var scopes = new Dictionary<string, RecordedScope>(StringComparer.Ordinal);
        var scopeLookup = scopes.GetAlternateLookup<ReadOnlySpan<char>>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        execution.LoadHistory(log =>
        {
            foreach (var e in _events)
            {
                var name = Intern(names, e.Name);
                object? value = e.Payload is { } payload ? new StoredPayload(payload) : null;
                if (e.CallId is not { } id || e.Type < ExecutionEventType.TaskStarted)
                {
                    log.AppendWorkflow(e.Type, e.Time, name, value);
                    continue;
                }

                Parse(id, name, out var slash, out var fingerprint, out var occurrence);
                RecordedScope? scope = null;
                if (slash > 0 && !scopeLookup.TryGetValue(id.AsSpan(0, slash), out scope))
                {
                    var path = id[..slash];
                    scope = new RecordedScope(execution, path);
                    scopes[path] = scope;
                }

                var position = -1;
                switch (e.Type)
                {
                    case ExecutionEventType.TaskStarted:
                        position = e.Payload is { } started ? PayloadJson.ReadPosition(started) : -1;
                        var call = index.Started(id, name, position);
                        if (ReferenceEquals(name, SleepTask.TaskName) || name == SleepTask.TaskName)
                        {
                            call.StartedPayload = e.Payload;
                        }

                        break;
                    case ExecutionEventType.TaskCompleted:
                        index.Completed(id, name, e.Payload ?? "null"u8.ToArray(), null);
                        break;
                    case ExecutionEventType.TaskFailed:
                        index.Failed(id, name, e.Payload ?? "{}"u8.ToArray(), null);
                        break;
                    case ExecutionEventType.TaskPaused:
                        index.Paused(id, name);
                        break;
                }

                log.AppendLoaded(e.Type, e.Time.UtcTicks, scope, name, fingerprint, occurrence, Math.Max(position, 0), value);
            }
        });

        return index;
    }

    private static string Intern(Dictionary<string, string> names, string name)
    {
        ref var known = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(names, name, out var exists);
        if (!exists)
        {
            known = name;
        }

        return known!;
    }

    /// <summary>
    /// Splits a call id into the end of its scope path (the last '/', or -1 in the workflow body), its fingerprint and its
    /// occurrence: the last segment is <c>{name}_{fingerprint:x16}</c>, then <c>~{n}</c> for n &gt; 0.
    /// </summary>
    private static void Parse(string id, string name, out int slash, out ulong fingerprint, out int occurrence)
    {
        slash = id.LastIndexOf('/');
        var segment = id.AsSpan(slash + 1);
        fingerprint = 0;
        occurrence = 0;
        if (segment.Length < name.Length + 17 || !segment.StartsWith(name, StringComparison.Ordinal) || segment[name.Length] != '_')
        {
            return;
        }

        ulong.TryParse(segment.Slice(name.Length + 1, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out fingerprint);
        var rest = segment[(name.Length + 17)..];
        if (rest.Length > 1 && rest[0] == '~')
        {
            int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out occurrence);
        }
    }
}
