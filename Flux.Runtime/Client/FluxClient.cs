using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Flux;

/// <summary>
/// The in-process <see cref="IFluxClient"/>: runs the workflows it is given over one store, with a
/// <see cref="RunOptions"/> template (clock, JSON options, owner, lease, observer, dispatcher) that each run copies
/// with its own execution id. Executions started without waiting run on the thread pool of this process.
/// </summary>
/// <example>
/// <code>
/// await using var store = new SqliteExecutionStore("Data Source=flux.db");
/// var client = new FluxClient(store, FluxCatalog.Workflows, new RunOptions { Json = AppJson.Default.Options });
/// var started = await client.StartAsync("approve_order", JsonSerializer.SerializeToElement(order, AppJson.Default.Order));
/// </code>
/// </example>
public sealed class FluxClient : IFluxClient, IAsyncDisposable
{
    private readonly Dictionary<string, WorkflowDescriptor> _byName;
    private readonly WorkflowActivator? _activator;
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Creates a client over <paramref name="store"/> for <paramref name="workflows"/>.</summary>
    /// <param name="store">Where the executions are kept.</param>
    /// <param name="workflows">The workflows it runs (each name once).</param>
    /// <param name="options">The template of every run's options; its <see cref="RunOptions.Store"/> and <see cref="RunOptions.ExecutionId"/> are set per run.</param>
    /// <param name="activator">Gives the instance of an instance workflow for each execution; needed only for instance workflows.</param>
    /// <exception cref="ArgumentException">Two workflows have the same name.</exception>
    public FluxClient(IExecutionStore store, IEnumerable<WorkflowDescriptor> workflows, RunOptions? options = null, WorkflowActivator? activator = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(workflows);
        Store = store;
        Options = (options ?? RunOptions.Default) with { Store = store, ExecutionId = null };
        _activator = activator;
        _byName = new Dictionary<string, WorkflowDescriptor>(StringComparer.Ordinal);
        foreach (var workflow in workflows)
        {
            if (!_byName.TryAdd(workflow.Name, workflow))
            {
                throw new ArgumentException($"Two workflows are named '{workflow.Name}': a client runs workflows by name, so each name must be unique.", nameof(workflows));
            }
        }

        Workflows = _byName.Values.OrderBy(w => w.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Creates a client over <paramref name="store"/> for static workflows, such as a generated catalog's <c>FluxCatalog.Workflows</c>.</summary>
    public FluxClient(IExecutionStore store, IEnumerable<WorkflowHandle> workflows, RunOptions? options = null)
        : this(store, WorkflowDescriptor.From(workflows ?? throw new ArgumentNullException(nameof(workflows))), options)
    {
    }

    /// <summary>The store the executions are kept in.</summary>
    public IExecutionStore Store { get; }

    /// <summary>The template of every run's options.</summary>
    public RunOptions Options { get; }

    /// <summary>How often <see cref="WatchAsync"/> reads the store for an execution that runs in another process (one that runs here signals each commit).</summary>
    public TimeSpan WatchPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <inheritdoc/>
    public IReadOnlyList<WorkflowDescriptor> Workflows { get; }

    /// <inheritdoc/>
    public async Task<ExecutionRecord> StartAsync(string workflow, JsonElement? input, string? executionId = null, CancellationToken cancellationToken = default)
    {
        var prepared = await StartCoreAsync(workflow, input, executionId, CancellationToken.None, cancellationToken).ConfigureAwait(false);
        Track(prepared.Run);
        return await GetRequiredAsync(prepared.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord> RunAsync(string workflow, JsonElement? input, string? executionId = null, CancellationToken cancellationToken = default)
    {
        var prepared = await StartCoreAsync(workflow, input, executionId, cancellationToken, cancellationToken).ConfigureAwait(false);
        await prepared.Run.ConfigureAwait(false);
        return await GetRequiredAsync(prepared.Id, CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord> ResumeAsync(string executionId, JsonElement? value = null, bool wait = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        var record = await GetRequiredAsync(executionId, cancellationToken).ConfigureAwait(false);
        var descriptor = Find(record.WorkflowName);
        var activation = Activate(descriptor, executionId);
        PreparedRun prepared;
        try
        {
            var handle = descriptor.Bind(activation?.Instance);
            prepared = await handle.PrepareResumeJsonAsync(executionId, value, OptionsFor(descriptor, executionId), wait ? cancellationToken : CancellationToken.None, cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            await DisposeAsync(activation).ConfigureAwait(false);
            throw;
        }

        if (prepared.RunAsync is not { } run)
        {
            await DisposeAsync(activation).ConfigureAwait(false);
            return record;
        }

        var running = RunAndDispose(run, activation);
        if (wait)
        {
            await running.ConfigureAwait(false);
        }
        else
        {
            Track(running);
        }

        return await GetRequiredAsync(executionId, CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<bool> CancelAsync(string executionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        return ExecutionControl.CancelAsync(Store, executionId, Options, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default) =>
        await Store.GetAsync(executionId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default) =>
        await Store.QueryAsync(query, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public IAsyncEnumerable<StoredEvent> GetEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default) =>
        Store.ReadEventsAsync(executionId, afterSequence, cancellationToken);

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredEvent> WatchAsync(string executionId, long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var clock = Options.Clock;
        var last = afterSequence;
        while (true)
        {
            // Listen for the next commit of a run in this process before reading, so that none is missed in between.
            var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnCommitted(long sequence) => committed.TrySetResult();
            var live = LiveExecutions.Find(Store, executionId)?.Durable;
            if (live is not null)
            {
                live.Committed += OnCommitted;
            }

            try
            {
                await foreach (var e in Store.ReadEventsAsync(executionId, last, cancellationToken).ConfigureAwait(false))
                {
                    last = e.Sequence;
                    yield return e;
                }

                var record = await Store.GetAsync(executionId, cancellationToken).ConfigureAwait(false);
                if (record is null || ((StoreRules.IsFinished(record.State) || record.State == ExecutionState.Paused) && last >= record.LastSequence))
                {
                    yield break;
                }

                await Task.WhenAny(committed.Task, Task.Delay(WatchPollInterval, clock, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
            finally
            {
                if (live is not null)
                {
                    live.Committed -= OnCommitted;
                }
            }
        }
    }

    /// <summary>Waits for the runs this client started without waiting (they go on otherwise, and stay resumable if the process ends).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var run in _running.Keys.ToArray())
        {
            await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<(string Id, Task Run)> StartCoreAsync(
        string workflow, JsonElement? input, string? executionId, CancellationToken runToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflow);
        var descriptor = Find(workflow);
        var id = executionId ?? Guid.NewGuid().ToString("N");
        var activation = Activate(descriptor, id);
        PreparedRun prepared;
        try
        {
            prepared = await descriptor.Bind(activation?.Instance).StartJsonAsync(input, OptionsFor(descriptor, id), runToken, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DisposeAsync(activation).ConfigureAwait(false);
            throw;
        }

        return (id, RunAndDispose(prepared.RunAsync!, activation));
    }

    private static async Task RunAndDispose(Func<Task> run, WorkflowActivation? activation)
    {
        try
        {
            // The body runs on the thread pool: the caller gets its record back at once.
            await Task.Run(run).ConfigureAwait(false);
        }
        finally
        {
            await DisposeAsync(activation).ConfigureAwait(false);
        }
    }

    private void Track(Task run)
    {
        _running.TryAdd(run, 0);
        _ = run.ContinueWith(
            static (t, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(t, out _),
            _running,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private RunOptions OptionsFor(WorkflowDescriptor workflow, string executionId) =>
        Options with { ExecutionId = executionId, Json = Options.Json ?? workflow.Json };

    private WorkflowDescriptor Find(string workflow) =>
        _byName.TryGetValue(workflow, out var descriptor)
            ? descriptor
            : throw new ArgumentException(
                $"No workflow named '{workflow}' is registered with this client; it knows {(_byName.Count == 0 ? "none" : string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal).Select(n => $"'{n}'")))}.",
                nameof(workflow));

    private WorkflowActivation? Activate(WorkflowDescriptor workflow, string executionId)
    {
        if (!workflow.IsInstanceWorkflow)
        {
            return null;
        }

        return _activator is { } activator
            ? activator(workflow, executionId)
            : throw new InvalidOperationException(
                $"Workflow '{workflow.Name}' runs on an instance of {workflow.DeclaringType!.Name}: give the FluxClient a WorkflowActivator that provides one per execution.");
    }

    private async Task<ExecutionRecord> GetRequiredAsync(string executionId, CancellationToken cancellationToken) =>
        await Store.GetAsync(executionId, cancellationToken).ConfigureAwait(false) ?? throw new ExecutionNotFoundException(executionId);

    private static ValueTask DisposeAsync(WorkflowActivation? activation) => activation?.DisposeAsync() ?? default;
}
