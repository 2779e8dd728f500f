using Spectre.Console;

namespace Flux.CommandLine;

/// <summary>The commands that read executions: <c>list</c>, <c>show</c> and <c>watch</c>.</summary>
internal static class ReadCommands
{
    public static async Task<int> ListAsync(
        CommandSession session, string? workflow, IReadOnlyList<string> states, int limit, string? page, CancellationToken cancellationToken)
    {
        if (workflow is not null)
        {
            session.FindWorkflow(workflow);
        }

        if (limit is < 1 or > 1000)
        {
            throw CommandLineError.BadInput($"--limit {limit} is out of range: give a number from 1 to 1000.");
        }

        var query = new ExecutionQuery { WorkflowName = workflow, States = states.Count == 0 ? null : states.Select(ParseState).ToArray(), Limit = limit, ContinuationToken = page };
        await using var store = new StoreLease(session.OpenStore(forWriting: false));
        ExecutionPage found;
        try
        {
            found = await store.Store.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException error) when (page is not null)
        {
            throw CommandLineError.BadInput($"--page '{page}' is not a page of this store ({CommandSession.OneLine(error.Message)}): give the continuationToken the previous 'list --json' printed.");
        }

        if (session.Json)
        {
            await session.WriteJsonAsync(JsonOutput.Document(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("executions");
                foreach (var record in found.Items)
                {
                    JsonOutput.Execution(w, record);
                }

                w.WriteEndArray();
                w.WriteString("continuationToken", found.ContinuationToken);
                w.WriteEndObject();
            })).ConfigureAwait(false);
            return FluxExitCode.Succeeded;
        }

        if (found.Items.Count == 0)
        {
            session.Output.WriteLine($"No executions{(workflow is null ? "" : $" of {workflow}")}{(states.Count == 0 ? "" : $" in state {string.Join(" or ", states)}")} in {session.StoreLocation}.");
            return FluxExitCode.Succeeded;
        }

        var table = new Table().AddColumns("execution", "workflow", "state", "created", "took", "detail");
        foreach (var record in found.Items)
        {
            table.AddRow(
                Markup.Escape(record.ExecutionId),
                Markup.Escape(record.WorkflowName),
                Format.State(record.State),
                Format.DateTime(record.CreatedAt),
                record.FinishedAt is { } finished ? Format.Duration(finished - record.CreatedAt) : "",
                Markup.Escape(Detail(record)));
        }

        session.Output.Write(table);
        if (found.ContinuationToken is { } next)
        {
            session.Output.WriteLine($"More: {session.ProgramName} list --page {next}");
        }

        return FluxExitCode.Succeeded;
    }

    public static async Task<int> ShowAsync(CommandSession session, string executionId, CancellationToken cancellationToken)
    {
        await using var store = new StoreLease(session.OpenStore(forWriting: false));
        var record = await ExecutionCommands.FindAsync(session, store.Store, executionId, cancellationToken).ConfigureAwait(false);
        var timeline = new Timeline();
        var rows = new List<TimelineRow>();
        await foreach (var stored in store.Store.ReadEventsAsync(executionId, 0, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(timeline.Add(stored));
        }

        if (session.Json)
        {
            await session.WriteJsonAsync(JsonOutput.Document(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("execution");
                JsonOutput.Execution(w, record);
                w.WriteStartArray("events");
                foreach (var row in rows)
                {
                    JsonOutput.Event(w, row);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            })).ConfigureAwait(false);
            return FluxExitCode.Succeeded;
        }

        session.Output.MarkupLine(
            $"Execution [bold]{Markup.Escape(record.ExecutionId)}[/] of {Markup.Escape(record.WorkflowName)}: {Format.State(record.State)}{(Detail(record) is { Length: > 0 } detail ? $" ({Markup.Escape(detail)})" : "")}");
        var table = new Table().AddColumns("#", "time", "event", "task", "duration", "error");
        foreach (var row in rows)
        {
            table.AddRow(
                row.Event.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Format.Time(row.Event.Time),
                row.Event.Type.ToString(),
                Markup.Escape(row.Subject),
                row.Duration is { } duration ? Format.Duration(duration) : "",
                row.Error is { } error ? $"[red]{Markup.Escape(error)}[/]" : "");
        }

        session.Output.Write(table);
        return FluxExitCode.Succeeded;
    }

    /// <summary>Prints an execution's events as they are stored, until it finishes or pauses; exits with its state.</summary>
    public static async Task<int> WatchAsync(CommandSession session, string executionId, CancellationToken cancellationToken)
    {
        await using var store = new StoreLease(session.OpenStore(forWriting: false));
        var record = await ExecutionCommands.FindAsync(session, store.Store, executionId, cancellationToken).ConfigureAwait(false);
        if (!session.Json)
        {
            session.Output.MarkupLine($"Watching execution [bold]{Markup.Escape(executionId)}[/] of {Markup.Escape(record.WorkflowName)} ({Format.State(record.State)})");
        }

        var client = session.CreateClient(store.Store, observer: null);
        var timeline = new Timeline();
        await foreach (var stored in client.WatchAsync(executionId, 0, cancellationToken).ConfigureAwait(false))
        {
            var row = timeline.Add(stored);
            if (session.Json)
            {
                await session.WriteJsonAsync(JsonOutput.Line(w => JsonOutput.Event(w, row))).ConfigureAwait(false);
                await session.OutputWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var duration = row.Duration is { } took ? $"  {Format.Duration(took)}" : "";
            var error = row.Error is { } text ? $"  [red]{Markup.Escape(text)}[/]" : "";
            session.Output.MarkupLine($"{Format.Time(stored.Time)}  {stored.Type,-22}  {Markup.Escape(row.Subject)}{duration}{error}");
        }

        var final = await ExecutionCommands.FindAsync(session, store.Store, executionId, cancellationToken).ConfigureAwait(false);
        if (!session.Json)
        {
            session.Output.MarkupLine($"Execution [bold]{Markup.Escape(executionId)}[/]: {Format.State(final.State)}");
        }

        return FluxExitCode.For(final.State);
    }

    private static string Detail(ExecutionRecord record) => record.State switch
    {
        ExecutionState.Failed => CommandSession.OneLine($"{Format.ShortType(record.ErrorType)}: {record.ErrorMessage}"),
        ExecutionState.Paused => $"paused at '{record.PausedAt}'",
        ExecutionState.Running when record.CancelRequestedAt is not null => "cancel requested",
        ExecutionState.Running => $"owner {record.Owner}",
        _ => "",
    };

    private static ExecutionState ParseState(string text) =>
        Enum.TryParse<ExecutionState>(text, ignoreCase: true, out var state) && Enum.IsDefined(state)
            ? state
            : throw CommandLineError.BadInput(
                $"Unknown state '{text}' for --state: give one of {string.Join(", ", Enum.GetNames<ExecutionState>().Select(n => n.ToLowerInvariant()))}.");
}
