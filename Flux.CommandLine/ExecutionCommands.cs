using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Flux.CommandLine;

/// <summary>The commands that change executions: <c>run</c>, <c>resume</c> and <c>cancel</c>.</summary>
internal static class ExecutionCommands
{
    public static async Task<int> RunAsync(CommandSession session, string workflowName, string? inputText, string? executionId, CancellationToken cancellationToken)
    {
        var workflow = session.FindWorkflow(workflowName);
        var input = InputReader.Read(inputText, "--input", Console.In);
        if (inputText is null && Nullable.GetUnderlyingType(workflow.InputType) is null)
        {
            // A missing input would run the workflow on default(T) (null, 0, false), which nobody asked for; a
            // workflow that takes null is given '--input null' explicitly.
            throw CommandLineError.BadInput(InputMismatch(workflow, null, null));
        }

        CheckInput(session, workflow, input, inputText);

        await using var store = new StoreLease(session.OpenStore(forWriting: true));
        ExecutionRecord record;
        try
        {
            record = await RunAndWaitAsync(session, store.Store, client => client.StartAsync(workflow.Name, input, executionId, cancellationToken), "Started", cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ArgumentException error) when (error.ParamName == "input")
        {
            throw CommandLineError.BadInput(InputMismatch(workflow, inputText, error));
        }
        catch (ExecutionAlreadyExistsException)
        {
            throw new CommandLineError(FluxExitCode.Conflict,
                $"The store already has an execution '{executionId}': choose another --id, or look at it with '{session.ProgramName} show {executionId}'.");
        }

        return await ReportAsync(session, record).ConfigureAwait(false);
    }

    public static async Task<int> ResumeAsync(CommandSession session, string executionId, string? inputText, CancellationToken cancellationToken)
    {
        var value = InputReader.Read(inputText, "--input", Console.In);
        await using var store = new StoreLease(session.OpenStore(forWriting: true));
        var existing = await FindAsync(session, store.Store, executionId, cancellationToken).ConfigureAwait(false);
        if (!session.Workflows.Any(w => w.Name == existing.WorkflowName))
        {
            throw new CommandLineError(FluxExitCode.Conflict,
                $"Execution '{executionId}' is of workflow '{existing.WorkflowName}', which this program does not have ({session.KnownWorkflows()}): resume it with the program that defines it.");
        }

        ExecutionRecord record;
        try
        {
            record = IsFinished(existing.State)
                ? existing
                : await RunAndWaitAsync(session, store.Store, client => client.ResumeAsync(executionId, value, wait: false, cancellationToken), "Resumed", cancellationToken)
                    .ConfigureAwait(false);
        }
        catch (ExecutionClaimException claimed)
        {
            throw new CommandLineError(FluxExitCode.Conflict,
                $"{CommandSession.OneLine(claimed.Message)} Wait for it, or cancel it with '{session.ProgramName} cancel {executionId}'.");
        }
        catch (PayloadSerializationException error)
        {
            throw CommandLineError.BadInput(
                $"{CommandSession.OneLine(error.Message)} Give --input JSON of the type the pause '{existing.PausedAt}' expects.");
        }

        return await ReportAsync(session, record).ConfigureAwait(false);
    }

    public static async Task<int> CancelAsync(CommandSession session, string executionId, CancellationToken cancellationToken)
    {
        await using var store = new StoreLease(session.OpenStore(forWriting: true));
        var existing = await FindAsync(session, store.Store, executionId, cancellationToken).ConfigureAwait(false);
        if (IsFinished(existing.State))
        {
            throw new CommandLineError(FluxExitCode.Conflict,
                $"Execution '{executionId}' has already finished ({existing.State}): there is nothing to cancel; see it with '{session.ProgramName} show {executionId}'.");
        }

        var client = session.CreateClient(store.Store, observer: null);
        await client.CancelAsync(executionId, cancellationToken).ConfigureAwait(false);
        var record = await client.GetAsync(executionId, cancellationToken).ConfigureAwait(false) ?? existing;
        if (session.Json)
        {
            await session.WriteJsonAsync(JsonOutput.Document(w => JsonOutput.Execution(w, record))).ConfigureAwait(false);
        }
        else if (record.State == ExecutionState.Cancelled)
        {
            session.Output.MarkupLine($"Execution [bold]{Markup.Escape(executionId)}[/] of {Markup.Escape(record.WorkflowName)}: [yellow]Cancelled[/]");
        }
        else
        {
            session.Output.MarkupLine(
                $"Asked [bold]{Markup.Escape(record.Owner ?? "its owner")}[/], which runs execution [bold]{Markup.Escape(executionId)}[/], to cancel it: it stops at its next lease renewal.");
        }

        return FluxExitCode.Succeeded;
    }

    /// <summary>The execution, or a not-found error that names the store.</summary>
    public static async Task<ExecutionRecord> FindAsync(CommandSession session, IExecutionStore store, string executionId, CancellationToken cancellationToken) =>
        await store.GetAsync(executionId, cancellationToken).ConfigureAwait(false)
        ?? throw new CommandLineError(FluxExitCode.NotFound,
            $"No execution '{executionId}' in the store '{session.StoreLocation}': run '{session.ProgramName} executions' to see the executions there, or name the store with --store.");

    /// <summary>Prints an execution's summary (or its JSON) and returns the exit code of its state.</summary>
    public static async Task<int> ReportAsync(CommandSession session, ExecutionRecord record)
    {
        if (session.Json)
        {
            await session.WriteJsonAsync(JsonOutput.Document(w => JsonOutput.Execution(w, record))).ConfigureAwait(false);
            return FluxExitCode.For(record.State);
        }

        var took = record.FinishedAt is { } finished ? $" in {Format.Duration(finished - record.CreatedAt)}" : "";
        session.Output.MarkupLine(
            $"Execution [bold]{Markup.Escape(record.ExecutionId)}[/] of {Markup.Escape(record.WorkflowName)}: {Format.State(record.State)}{took}");
        switch (record.State)
        {
            case ExecutionState.Succeeded:
                await session.OutputWriter.WriteLineAsync($"output: {(record.Output is { } output ? Encoding.UTF8.GetString(output) : "null")}").ConfigureAwait(false);
                break;
            case ExecutionState.Failed:
                await session.OutputWriter.WriteLineAsync($"error: {Format.ShortType(record.ErrorType)}: {CommandSession.OneLine(record.ErrorMessage ?? "")}").ConfigureAwait(false);
                break;
            case ExecutionState.Paused:
                await session.OutputWriter.WriteLineAsync(
                    $"paused at '{record.PausedAt}': resume it with '{session.ProgramName} resume {record.ExecutionId} --input <json>'").ConfigureAwait(false);
                break;
        }

        return FluxExitCode.For(record.State);
    }

    /// <summary>
    /// Starts (or resumes) an execution, says so on standard error (so that another terminal can watch or cancel it),
    /// then waits until it finishes or pauses, drawing progress bars meanwhile. Ctrl+C cancels the execution: its
    /// running tasks are cancelled and its rollbacks run before the command ends.
    /// </summary>
    private static async Task<ExecutionRecord> RunAndWaitAsync(
        CommandSession session, IExecutionStore store, Func<FluxClient, Task<ExecutionRecord>> start, string verb, CancellationToken cancellationToken)
    {
        var progress = session.CreateProgress();
        var client = session.CreateClient(store, progress);
        await using (client.ConfigureAwait(false))
        {
            var started = await start(client).ConfigureAwait(false);
            if (!session.Json)
            {
                await session.ErrorWriter.WriteLineAsync($"{verb} execution {started.ExecutionId} of {started.WorkflowName} (store: {session.StoreLocation})").ConfigureAwait(false);
                await session.ErrorWriter.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }

            async Task<ExecutionRecord> WaitAsync()
            {
                using (cancellationToken.Register(() => _ = client.CancelAsync(started.ExecutionId, CancellationToken.None)))
                {
                    // The client waits for the runs it started when it is disposed.
                    await client.DisposeAsync().ConfigureAwait(false);
                }

                return await FindAsync(session, store, started.ExecutionId, CancellationToken.None).ConfigureAwait(false);
            }

            return progress is null ? await WaitAsync().ConfigureAwait(false) : await progress.ShowWhileAsync(WaitAsync).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the input as the run will, before the store is touched, so that bad input leaves nothing behind.</summary>
    private static void CheckInput(CommandSession session, WorkflowDescriptor workflow, JsonElement? input, string? inputText)
    {
        if (input is not { } json)
        {
            return;
        }

        System.Text.Json.Serialization.Metadata.JsonTypeInfo info;
        try
        {
            info = session.JsonFor(workflow).GetTypeInfo(workflow.InputType);
        }
        catch (Exception error) when (error is NotSupportedException or InvalidOperationException)
        {
            return; // No metadata for the type here: the run itself names what is missing.
        }

        try
        {
            json.Deserialize(info);
        }
        catch (JsonException error)
        {
            throw CommandLineError.BadInput(InputMismatch(workflow, inputText, new ArgumentException(error.Message, "input", error)));
        }
    }

    private static bool IsFinished(ExecutionState state) => state is ExecutionState.Succeeded or ExecutionState.Failed or ExecutionState.Cancelled;

    private static string InputMismatch(WorkflowDescriptor workflow, string? inputText, ArgumentException? error)
    {
        var type = TypeNames.Of(workflow.InputType);
        var fix = $"give --input JSON of type {type}, for example --input '{Format.ExampleJson(workflow.InputType)}'";
        return inputText is null
            ? $"Workflow '{workflow.Name}' needs an input of type {type}: {fix}{(workflow.InputType.IsValueType ? "" : " (or --input null)")}."
            : $"Workflow '{workflow.Name}' takes a {type} input, which the JSON given does not fit ({CommandSession.OneLine(error?.InnerException?.Message ?? error?.Message ?? "")}): {fix}.";
    }
}

/// <summary>Disposes the store a command opened when the command ends.</summary>
internal sealed class StoreLease(IExecutionStore store) : IAsyncDisposable
{
    public IExecutionStore Store { get; } = store;

    public ValueTask DisposeAsync()
    {
        switch (Store)
        {
            case IAsyncDisposable asyncDisposable:
                return asyncDisposable.DisposeAsync();
            case IDisposable disposable:
                disposable.Dispose();
                return default;
            default:
                return default;
        }
    }
}
