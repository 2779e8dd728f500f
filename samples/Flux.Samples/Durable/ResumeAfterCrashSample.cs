namespace Flux.Samples;

/// <summary>
/// Resume after a crash: a durable Map is "killed" half way and resumed. The kill is simulated in this process, and
/// deterministically: the store stops writing at the item the command line names, exactly as if the process died
/// there (what is in the file stays; nothing after it arrives), and the run ends with the store's error. A real
/// SIGKILL of a real process is what tests/Flux.Durable.Tests/Crash does. The resume replays every item whose completion
/// is in the file and runs the others.
/// </summary>
public static partial class ResumeAfterCrashSample
{
    private static readonly List<int> s_ran = [];

    [Task]
    public static int SquareItem(int item)
    {
        lock (s_ran)
        {
            s_ran.Add(item);
        }

        return item * item;
    }

    [Workflow(Name = "squares")]
    public static async Task<int[]> Squares(ExecutionContext<int> ctx) =>
        await SquareItemTask.Map(Enumerable.Range(0, ctx.Input), new BatchOptions { MaxConcurrency = 1 });

    internal static async Task RunAsync(string[] input, TextWriter output)
    {
        if (input.Length != 2 || !int.TryParse(input[0], out var items) || !int.TryParse(input[1], out var killAt) || killAt < 1 || killAt >= items)
        {
            throw new SampleUsageException("expected the number of items and the item to die at (between 1 and items - 1)");
        }

        await using var durable = new DurableSampleStore();
        var dying = new DyingStore(durable.Store, $"map:SquareItem[{killAt}]/");
        lock (s_ran)
        {
            s_ran.Clear();
        }

        try
        {
            await SquaresWorkflow.RunAsync(items, durable.Options("squares-1") with { Store = dying });
        }
        catch (ExecutionStoreException killed)
        {
            await output.WriteLineAsync($"run 1 died at item {killAt}: {killed.Message}");
        }

        var record = await durable.Store.GetAsync("squares-1");
        await output.WriteLineAsync($"in the file: state {record!.State}, {(await durable.TimelineAsync("squares-1")).Count} events");

        lock (s_ran)
        {
            s_ran.Clear();
        }

        var done = await SquaresWorkflow.ResumeAsync("squares-1", durable.Options());
        int[] ran;
        lock (s_ran)
        {
            ran = [.. s_ran.Order()];
        }

        var replayed = Enumerable.Range(0, items).Except(ran).ToArray();
        await output.WriteLineAsync($"resume: replayed items {string.Join(", ", replayed)} (completed before the kill, not run again)");
        await output.WriteLineAsync($"resume: ran items {string.Join(", ", ran)}");
        await output.WriteLineAsync($"result: {done.State} [{string.Join(", ", done.Output!)}]");
    }

    /// <summary>
    /// A store whose process "dies" at the first event of a call id prefix: the events before it are written, that one
    /// and every later write fail, as a killed process would leave the file.
    /// </summary>
    private sealed class DyingStore(IExecutionStore inner, string dieAt) : IExecutionStore
    {
        private volatile bool _dead;

        private static ExecutionStoreException Dead() => new("the process was killed (simulated: the store stopped writing).");

        public async ValueTask AppendAsync(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update = null, CancellationToken cancellationToken = default)
        {
            if (_dead)
            {
                throw Dead();
            }

            for (var i = 0; i < events.Count; i++)
            {
                if (events[i].Type == ExecutionEventType.TaskCompleted && events[i].CallId?.StartsWith(dieAt, StringComparison.Ordinal) == true)
                {
                    _dead = true;
                    if (i > 0)
                    {
                        await inner.AppendAsync(executionId, [.. events.Take(i)], null, cancellationToken);
                    }

                    throw Dead();
                }
            }

            await inner.AppendAsync(executionId, events, update, cancellationToken);
        }

        public ValueTask CreateAsync(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default) =>
            _dead ? ValueTask.FromException(Dead()) : inner.CreateAsync(execution, events, cancellationToken);

        public ValueTask<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default) => inner.GetAsync(executionId, cancellationToken);

        public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default) =>
            inner.ReadEventsAsync(executionId, afterSequence, cancellationToken);

        public ValueTask<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public ValueTask<ExecutionRecord?> TryClaimAsync(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) =>
            _dead ? ValueTask.FromException<ExecutionRecord?>(Dead()) : inner.TryClaimAsync(executionId, expectedVersion, owner, leaseExpiresAt, cancellationToken);

        public ValueTask<ExecutionRecord?> RenewClaimAsync(string executionId, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) =>
            _dead ? ValueTask.FromException<ExecutionRecord?>(Dead()) : inner.RenewClaimAsync(executionId, owner, leaseExpiresAt, cancellationToken);

        public ValueTask ReleaseClaimAsync(string executionId, string owner, CancellationToken cancellationToken = default) =>
            _dead ? ValueTask.FromException(Dead()) : inner.ReleaseClaimAsync(executionId, owner, cancellationToken);

        public ValueTask<bool> RequestCancelAsync(string executionId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default) =>
            inner.RequestCancelAsync(executionId, requestedAt, cancellationToken);

        public ValueTask<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default) =>
            inner.DeleteFinishedAsync(finishedBefore, cancellationToken);
    }
}
