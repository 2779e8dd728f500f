using System.CommandLine;
using System.Data.Common;
using System.Reflection;

namespace Flux.CommandLine;

/// <summary>
/// The Flux command line, for any program with workflows: <c>run</c>, <c>resume</c>, <c>cancel</c>, <c>list</c>,
/// <c>show</c>, <c>watch</c>, <c>diagram</c> and <c>workflows</c>, over a durable SQLite store (<c>flux.db</c> in the current
/// directory unless <c>--store</c> or <c>FLUX_STORE</c> names another), with live progress bars on a terminal,
/// <c>--json</c> for scripts and exit codes that say what happened (<see cref="FluxExitCode"/>).
/// </summary>
/// <example>
/// <code>
/// // Program.cs of an application with workflows:
/// return await FluxCommandLine.RunAsync(args, FluxCatalog.Workflows, new FluxCommandLineOptions { RunOptions = new() { Json = AppJson.Default.Options } });
/// </code>
/// </example>
public static class FluxCommandLine
{
    /// <summary>The environment variable that names the store when <c>--store</c> is not given.</summary>
    public const string StoreEnvironmentVariable = "FLUX_STORE";

    /// <summary>The SQLite file the executions are kept in when nothing else names one: <c>flux.db</c> in the current directory.</summary>
    public const string DefaultStoreFile = "flux.db";

    /// <summary>The commands, for a program that routes its own commands and hands these to <see cref="RunAsync(string[], IEnumerable{WorkflowDescriptor}, FluxCommandLineOptions?, CancellationToken)"/>.</summary>
    public static IReadOnlyList<string> CommandNames { get; } = ["run", "resume", "cancel", "list", "executions", "show", "watch", "diagram", "workflows"];

    /// <summary>Runs the command line for static workflows, such as a generated catalog's <c>FluxCatalog.Workflows</c>.</summary>
    /// <param name="args">The program's arguments.</param>
    /// <param name="workflows">The workflows it runs.</param>
    /// <param name="options">How it is set up; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the command (a running execution is cancelled).</param>
    /// <returns>The process exit code (see <see cref="FluxExitCode"/>).</returns>
    public static Task<int> RunAsync(string[] args, IEnumerable<WorkflowHandle> workflows, FluxCommandLineOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(args, WorkflowDescriptor.From(workflows ?? throw new ArgumentNullException(nameof(workflows))), options, cancellationToken);

    /// <summary>Runs the command line for the workflows described (a generated catalog's descriptors, static and instance workflows).</summary>
    /// <param name="args">The program's arguments.</param>
    /// <param name="workflows">The workflows it runs.</param>
    /// <param name="options">How it is set up; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the command (a running execution is cancelled).</param>
    /// <returns>The process exit code (see <see cref="FluxExitCode"/>).</returns>
    public static async Task<int> RunAsync(string[] args, IEnumerable<WorkflowDescriptor> workflows, FluxCommandLineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(workflows);
        options ??= new FluxCommandLineOptions();
        var programName = options.ProgramName ?? Assembly.GetEntryAssembly()?.GetName().Name ?? "flux";
        var session = new CommandSession(workflows.ToArray(), options, programName);
        var root = BuildCommands(session);
        // '@file' is this command line's own syntax for an input file, not a response file of arguments.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command;
            var help = command == root ? $"{programName} --help" : $"{programName} {command.Name} --help";
            await session.ErrorWriter.WriteLineAsync($"error: {parsed.Errors[0].Message} Run '{help}' for usage.").ConfigureAwait(false);
            return FluxExitCode.BadInput;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = session.OutputWriter, Error = session.ErrorWriter }, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand BuildCommands(CommandSession session)
    {
        var store = new Option<string?>("--store") { Description = $"The store: a SQLite file (default: ${StoreEnvironmentVariable}, else {DefaultStoreFile} in the current directory).", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Print JSON on standard output (for scripts), and nothing else there.", Recursive = true };
        var noProgress = new Option<bool>("--no-progress") { Description = "Draw no progress bars.", Recursive = true };
        var root = new RootCommand($"Runs and inspects the workflows of {session.ProgramName}.") { store, json, noProgress };

        var input = new Option<string?>("--input", "-i") { Description = "The input as JSON, @file for a file's JSON, or @- for standard input's." };
        var workflow = new Argument<string>("workflow") { Description = "The workflow's name (see 'workflows')." };
        var executionId = new Argument<string>("id") { Description = "The execution's id." };
        var id = new Option<string?>("--id") { Description = "The new execution's id (default: a new GUID)." };
        var run = new Command("run", "Runs a workflow and waits until it finishes or pauses.") { workflow, input, id };
        Handle(run, (result, token) => ExecutionCommands.RunAsync(session, result.GetValue(workflow)!, result.GetValue(input), result.GetValue(id), token));

        var resume = new Command("resume", "Resumes a paused execution (with --input for its pause) or one left running by a crash.") { executionId, input };
        Handle(resume, (result, token) => ExecutionCommands.ResumeAsync(session, result.GetValue(executionId)!, result.GetValue(input), token));

        var cancel = new Command("cancel", "Cancels an execution wherever it runs.") { executionId };
        Handle(cancel, (result, token) => ExecutionCommands.CancelAsync(session, result.GetValue(executionId)!, token));

        var byWorkflow = new Option<string?>("--workflow", "-w") { Description = "Only executions of this workflow." };
        var states = new Option<string[]>("--state", "-s") { Description = "Only executions in these states (created, running, paused, succeeded, failed, cancelled).", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int>("--limit", "-n") { Description = "The most executions to list (1 to 1000).", DefaultValueFactory = _ => 20 };
        var page = new Option<string?>("--page") { Description = "The next page: the continuation token the previous page printed." };
        var list = new Command("list", "Lists executions, newest first.") { byWorkflow, states, limit, page };
        list.Aliases.Add("executions");
        Handle(list, (result, token) => ReadCommands.ListAsync(session, result.GetValue(byWorkflow), result.GetValue(states) ?? [], result.GetValue(limit), result.GetValue(page), token));

        var show = new Command("show", "Shows an execution and its event timeline (time, event, task, duration, error).") { executionId };
        Handle(show, (result, token) => ReadCommands.ShowAsync(session, result.GetValue(executionId)!, token));

        var watch = new Command("watch", "Prints an execution's events as they happen, until it finishes or pauses.") { executionId };
        Handle(watch, (result, token) => ReadCommands.WatchAsync(session, result.GetValue(executionId)!, token));

        var diagramOf = new Argument<string?>("workflow") { Description = "The workflow's name.", Arity = ArgumentArity.ZeroOrOne };
        var diagram = new Command("diagram", "Prints the Mermaid diagram of a workflow's graph.") { diagramOf };
        Handle(diagram, (result, _) => CatalogCommands.DiagramAsync(session, result.GetValue(diagramOf)));

        var workflows = new Command("workflows", "Lists the workflows with their input and output types.");
        Handle(workflows, (_, _) => CatalogCommands.WorkflowsAsync(session));

        foreach (var command in new[] { run, resume, cancel, list, show, watch, diagram, workflows })
        {
            root.Subcommands.Add(command);
        }

        return root;

        void Handle(Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
            command.SetAction(async (result, token) =>
            {
                session.Json = result.GetValue(json);
                session.StoreOption = result.GetValue(store);
                session.NoProgress = result.GetValue(noProgress);
                return await RunCommandAsync(session, () => action(result, token), token).ConfigureAwait(false);
            });
    }

    /// <summary>Runs a command and turns what stops it into one line on standard error and an exit code.</summary>
    private static async Task<int> RunCommandAsync(CommandSession session, Func<Task<int>> command, CancellationToken cancellationToken)
    {
        string message;
        int exitCode;
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (CommandLineError error)
        {
            (exitCode, message) = (error.ExitCode, error.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (exitCode, message) = (FluxExitCode.Interrupted, "interrupted: the execution stays in the store; resume it, or see it with 'show'.");
        }
        catch (Exception error) when (error is DbException or ExecutionStoreException)
        {
            (exitCode, message) = (FluxExitCode.StoreError, session.StoreError(error).Message);
        }
        catch (Exception error) when (error is FluxException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            (exitCode, message) = (FluxExitCode.Failed, $"{error.GetType().Name}: {CommandSession.OneLine(error.Message)}");
        }

        await session.ErrorWriter.WriteLineAsync($"error: {message}").ConfigureAwait(false);
        return exitCode;
    }
}
