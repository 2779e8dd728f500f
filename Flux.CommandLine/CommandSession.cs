using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace Flux.CommandLine;

/// <summary>
/// What every command of one invocation shares: the workflows, where results and messages go, the global options
/// (<c>--store</c>, <c>--json</c>, <c>--no-progress</c>) and how the store is opened.
/// </summary>
internal sealed class CommandSession
{
    private readonly FluxCommandLineOptions _options;
    private readonly Dictionary<string, WorkflowDescriptor> _byName;

    public CommandSession(IReadOnlyList<WorkflowDescriptor> workflows, FluxCommandLineOptions options, string programName)
    {
        _options = options;
        ProgramName = programName;
        Workflows = workflows.OrderBy(w => w.Name, StringComparer.Ordinal).ToArray();
        _byName = Workflows.ToDictionary(w => w.Name, StringComparer.Ordinal);
        OutputWriter = options.Output ?? Console.Out;
        ErrorWriter = options.Error ?? Console.Error;
        var outputIsTerminal = options.Output is null && !Console.IsOutputRedirected;
        Output = CreateConsole(OutputWriter, outputIsTerminal);
    }

    public string ProgramName { get; }

    public IReadOnlyList<WorkflowDescriptor> Workflows { get; }

    /// <summary>Where results go, as plain text (JSON, diagrams).</summary>
    public TextWriter OutputWriter { get; }

    /// <summary>Where the one-line errors go.</summary>
    public TextWriter ErrorWriter { get; }

    /// <summary>Where tables and human-readable results go.</summary>
    public IAnsiConsole Output { get; }

    /// <summary>True with <c>--json</c>: only JSON goes to standard output.</summary>
    public bool Json { get; set; }

    /// <summary>The <c>--store</c> option's value, if given.</summary>
    public string? StoreOption { get; set; }

    /// <summary>True with <c>--no-progress</c>.</summary>
    public bool NoProgress { get; set; }

    /// <summary>Where the store is: <c>--store</c>, else <c>FLUX_STORE</c>, else the program's default, else <c>flux.db</c>.</summary>
    public string StoreLocation =>
        StoreOption is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(FluxCommandLine.StoreEnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : _options.StorePath ?? FluxCommandLine.DefaultStoreFile;

    public WorkflowDescriptor FindWorkflow(string name) =>
        _byName.TryGetValue(name, out var workflow)
            ? workflow
            : throw CommandLineError.BadInput(
                $"Unknown workflow '{name}': run '{ProgramName} workflows' to see them ({KnownWorkflows()}).");

    public string KnownWorkflows() =>
        Workflows.Count == 0 ? "this program has none" : $"known: {string.Join(", ", Workflows.Select(w => w.Name))}";

    /// <summary>
    /// Opens the store. A command that only reads gets an empty store for a SQLite file that does not exist, rather
    /// than creating the file.
    /// </summary>
    public IExecutionStore OpenStore(bool forWriting)
    {
        var location = StoreLocation;
        try
        {
            if (_options.OpenStore is { } open)
            {
                return open(location);
            }

            var isConnectionString = location.Contains('=');
            if (!forWriting && !isConnectionString && !File.Exists(location))
            {
                return new InMemoryExecutionStore();
            }

            var connectionString = isConnectionString ? location : new SqliteConnectionStringBuilder { DataSource = location }.ToString();
            return new SqliteExecutionStore(connectionString);
        }
        catch (Exception error) when (error is DbException or ExecutionStoreException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw StoreError(error);
        }
    }

    public CommandLineError StoreError(Exception error) =>
        new(FluxExitCode.StoreError,
            $"Cannot use the store '{StoreLocation}': {OneLine(error.Message)} Give another SQLite file with --store <path> or the {FluxCommandLine.StoreEnvironmentVariable} environment variable.");

    /// <summary>The JSON options a workflow's runs read their input with: the program's, else its catalog's, else reflection's.</summary>
    public System.Text.Json.JsonSerializerOptions JsonFor(WorkflowDescriptor workflow) =>
        _options.RunOptions?.Json ?? workflow.Json ?? System.Text.Json.JsonSerializerOptions.Default;

    /// <summary>The client of one command, with the progress display as its observer when there is one.</summary>
    public FluxClient CreateClient(IExecutionStore store, IExecutionObserver? observer)
    {
        var template = _options.RunOptions ?? RunOptions.Default;
        return new FluxClient(store, Workflows, template with { Observer = observer ?? template.Observer }, _options.Activator);
    }

    /// <summary>The progress display, when bars are drawn: standard error is a terminal, and neither <c>--json</c> nor <c>--no-progress</c> was given.</summary>
    public ProgressDisplay? CreateProgress()
    {
        if (Json || NoProgress || _options.Progress == false)
        {
            return null;
        }

        var terminal = _options.Progress == true
            || (_options.Error is null && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not "dumb");
        return terminal ? new ProgressDisplay(CreateConsole(ErrorWriter, terminal: true)) : null;
    }

    public Task WriteJsonAsync(string json) => OutputWriter.WriteLineAsync(json);

    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!terminal)
        {
            // Redirected output is read by people in files and by tests: wide enough that rows do not wrap.
            console.Profile.Width = 200;
            console.Profile.Encoding = Encoding.UTF8;
        }

        return console;
    }
}
