using System.Text.Json;

namespace Flux;

/// <summary>How a workflow's durable executions are started, loaded, claimed and resumed.</summary>
public sealed partial class WorkflowHandle<TInput, TOutput>
{
    /// <summary>
    /// Starts a run that records more than its in-memory log (durable, observed, dispatched or a child): records
    /// WorkflowStarted and, with a store, creates the execution there, claimed by the run's owner. Returns once it is
    /// stored; the caller then runs its body (<see cref="ExecutionContext{TInput, TOutput}.RunPassAsync"/>).
    /// </summary>
    /// <param name="input">The input.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="runToken">The token of the run itself.</param>
    /// <param name="cancellationToken">Stops the creation, not the run.</param>
    internal async Task<ExecutionContext<TInput, TOutput>> StartAsync(TInput input, RunOptions options, CancellationToken runToken, CancellationToken cancellationToken)
    {
        CheckInput(input);
        var json = options.ResolveJson(Name);
        var id = options.ExecutionId ?? Guid.NewGuid().ToString("N");
        var clock = options.Clock;
        var context = new ExecutionContext<TInput, TOutput>(Name, id, clock, options.EffectiveCache, input);
        var durable = options.Store is { } store ? new DurableLog(store, id, 0) : null;
        context.Configure(options, json, durable);
        context.StartRecorded(runToken);
        if (durable is null)
        {
            return context;
        }

        var claim = new ClaimKeeper(durable.Store, id, options.EffectiveOwner, clock, options.EffectiveLease, context.RequestCancel, context.ClaimLost);
        var now = clock.GetUtcNow();
        var record = new ExecutionRecord
        {
            ExecutionId = id,
            WorkflowName = Name,
            State = ExecutionState.Running,
            CreatedAt = now,
            UpdatedAt = now,
            Owner = claim.Owner,
            LeaseExpiresAt = claim.LeaseFromNow(),
            ParentExecutionId = options.Parent?.ExecutionId,
            ParentCallId = options.Parent?.CallId,
        };
        await durable.CreateAsync(record, cancellationToken).ConfigureAwait(false);
        context.Hold(claim);
        return context;
    }

    private async Task<ExecutionContext<TInput, TOutput>> ResumeCoreAsync(string executionId, ResumeValue value, RunOptions? options, CancellationToken cancellationToken)
    {
        var (context, run) = await PrepareResumeAsync(executionId, value, options, cancellationToken, cancellationToken).ConfigureAwait(false);
        if (run)
        {
            await context.RunPassAsync(_body, cancellationToken).ConfigureAwait(false);
        }

        return context;
    }

    internal override async Task<PreparedRun> StartJsonAsync(JsonElement? input, RunOptions options, CancellationToken runToken, CancellationToken cancellationToken)
    {
        var context = await StartAsync(ReadInput(input, options), options, runToken, cancellationToken).ConfigureAwait(false);
        return new PreparedRun(context, () => context.RunPassAsync(_body, runToken));
    }

    internal override async Task<PreparedRun> PrepareResumeJsonAsync(
        string executionId, JsonElement? value, RunOptions options, CancellationToken runToken, CancellationToken cancellationToken)
    {
        var resume = value is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } json ? ResumeValue.Of(json) : ResumeValue.None;
        var (context, run) = await PrepareResumeAsync(executionId, resume, options, runToken, cancellationToken).ConfigureAwait(false);
        return new PreparedRun(context, run ? () => context.RunPassAsync(_body, runToken) : null);
    }

    /// <summary>Resumes (or returns, when finished) a durable child execution for its parent's call.</summary>
    internal Task<ExecutionContext<TInput, TOutput>> ResumeChildAsync(string executionId, ResumeValue value, RunOptions options, CancellationToken cancellationToken) =>
        ResumeCoreAsync(executionId, value, options, cancellationToken);

    /// <summary>Resumes a transient child that paused, for its parent's resumed call.</summary>
    internal async Task<ExecutionContext<TInput, TOutput>> ResumeChildInProcessAsync(ExecutionContext<TInput, TOutput> paused, ResumeValue value, CancellationToken cancellationToken)
    {
        await paused.ResumeInProcessAsync(_body, value, cancellationToken).ConfigureAwait(false);
        return paused;
    }

    private async Task<ExecutionContext<TInput, TOutput>> ResumeContextAsync(
        ExecutionContext<TInput, TOutput> paused, ResumeValue value, RunOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paused);
        if (paused.WorkflowName != Name)
        {
            throw new ArgumentException($"Execution {paused.ExecutionId} is of workflow '{paused.WorkflowName}', not '{Name}'.", nameof(paused));
        }

        if (paused.Store is { } store)
        {
            return await ResumeCoreAsync(paused.ExecutionId, value, (options ?? paused.Options) with { Store = store, ExecutionId = paused.ExecutionId }, cancellationToken).ConfigureAwait(false);
        }

        if (paused.HasFinished)
        {
            return paused;
        }

        await paused.ResumeInProcessAsync(_body, value, cancellationToken).ConfigureAwait(false);
        return paused;
    }

    /// <summary>
    /// Loads a durable execution and, unless it has finished, claims it and gets it ready for its next pass. Returns the
    /// execution and whether its body should run (false for a finished one, returned as it is).
    /// </summary>
    /// <param name="executionId">The execution.</param>
    /// <param name="value">The resume value for its pause.</param>
    /// <param name="options">The run's options (<see cref="RunOptions.Store"/> is required).</param>
    /// <param name="runToken">The token of the resumed run.</param>
    /// <param name="cancellationToken">Stops the loading, not the run.</param>
    internal async Task<(ExecutionContext<TInput, TOutput> Context, bool Run)> PrepareResumeAsync(
        string executionId, ResumeValue value, RunOptions? options, CancellationToken runToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        options ??= RunOptions.Default;
        var store = options.Store ?? throw new InvalidOperationException(
            $"ResumeAsync(\"{executionId}\") needs RunOptions.Store, the store that keeps the execution of workflow '{Name}'. " +
            "To resume a transient execution paused in this process, pass its ExecutionContext instead of its id.");
        options = options with { ExecutionId = executionId };
        var json = options.ResolveJson(Name)!;
        var clock = options.Clock;
        var record = await store.GetAsync(executionId, cancellationToken).ConfigureAwait(false) ?? throw new ExecutionNotFoundException(executionId);
        if (!string.Equals(record.WorkflowName, Name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Execution '{executionId}' is of workflow '{record.WorkflowName}', not '{Name}': resume it with {record.WorkflowName}'s handle.", nameof(executionId));
        }

        if (StoreRules.IsFinished(record.State))
        {
            var loaded = await ExecutionLoader.ReadAsync(store, executionId, cancellationToken).ConfigureAwait(false);
            var finished = NewContext(executionId, options, json, loaded, null);
            loaded.Load(finished);
            finished.Restore(record.State, loaded.Output, loaded.ReadError(record, Name), record.PausedAt);
            return (finished, false);
        }

        var now = clock.GetUtcNow();
        if (LiveExecutions.Find(store, executionId) is not null || (record.State == ExecutionState.Running && ExecutionOwner.IsAlive(record, now)))
        {
            throw ExecutionClaimException.OwnedBy(executionId, record.Owner ?? "this process", record.LeaseExpiresAt);
        }

        var owner = options.EffectiveOwner;
        var claimed = await store.TryClaimAsync(executionId, record.Version, owner, now + options.EffectiveLease, cancellationToken).ConfigureAwait(false)
            ?? throw ExecutionClaimException.LostRace(executionId);
        var claim = new ClaimKeeper(store, executionId, owner, clock, options.EffectiveLease, () => { }, static _ => { });
        ExecutionContext<TInput, TOutput>? context = null;
        try
        {
            var loaded = await ExecutionLoader.ReadAsync(store, executionId, cancellationToken).ConfigureAwait(false);
            context = NewContext(executionId, options, json, loaded, new DurableLog(store, executionId, loaded.LastSequence));
            var index = loaded.Load(context);
            var resume = record.State == ExecutionState.Paused ? value : (ResumeValue?)loaded.PendingResume ?? value;
            claim = new ClaimKeeper(store, executionId, owner, clock, options.EffectiveLease, context.RequestCancel, context.ClaimLost);
            context.Hold(claim);
            context.OpenResumedPass(index, record.State == ExecutionState.Paused, resume, claimed.CancelRequestedAt is not null, runToken);
            if (record.State != ExecutionState.Paused && resume != ResumeValue.None)
            {
                context.SetResumeValue(resume);
            }

            return (context, true);
        }
        catch
        {
            if (context is not null)
            {
                await context.AbandonClaimAsync().ConfigureAwait(false);
            }
            else
            {
                await claim.ReleaseAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private ExecutionContext<TInput, TOutput> NewContext(string executionId, RunOptions options, System.Text.Json.JsonSerializerOptions json, ExecutionLoader loaded, DurableLog? durable)
    {
        var input = default(TInput)!;
        if (loaded.Input is { } payload)
        {
            var info = PayloadJson.TypeInfo<TInput>(json, () => $"Workflow '{Name}' takes as input");
            try
            {
                input = System.Text.Json.JsonSerializer.Deserialize(payload, info)!;
            }
            catch (System.Text.Json.JsonException error)
            {
                throw PayloadJson.Unreadable(typeof(TInput), $"The recorded input of execution '{executionId}' of workflow '{Name}'", error);
            }
        }

        var context = new ExecutionContext<TInput, TOutput>(Name, executionId, options.Clock, options.EffectiveCache, input);
        context.Configure(options, json, durable);
        return context;
    }
}
