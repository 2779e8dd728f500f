namespace Flux.CommandLine;

/// <summary>How <see cref="FluxCommandLine"/> is set up by the program that hosts it; every member is optional.</summary>
public sealed record FluxCommandLineOptions
{
    /// <summary>The program's name in help and messages (<c>myapp run ...</c>); the entry assembly's name when null.</summary>
    public string? ProgramName { get; init; }

    /// <summary>
    /// The template of every run's options: <see cref="Flux.RunOptions.Json"/> (your <c>JsonSerializerContext</c>), clock,
    /// lease, cache. Its store and observer are set by the command line.
    /// </summary>
    public RunOptions? RunOptions { get; init; }

    /// <summary>
    /// The SQLite file used when neither <c>--store</c> nor the <c>FLUX_STORE</c> environment variable names one;
    /// <see cref="FluxCommandLine.DefaultStoreFile"/> (in the current directory) when null.
    /// </summary>
    public string? StorePath { get; init; }

    /// <summary>
    /// Opens the store instead of the SQLite file (for PostgreSQL, or a store shared with a host). It is given the
    /// path or connection text that <c>--store</c>, <c>FLUX_STORE</c> or <see cref="StorePath"/> named. The command line
    /// disposes what it returns when it is disposable.
    /// </summary>
    public Func<string, IExecutionStore>? OpenStore { get; init; }

    /// <summary>Gives the instance an instance workflow runs on, per execution; needed only for instance workflows.</summary>
    public WorkflowActivator? Activator { get; init; }

    /// <summary>Where results go (tables, <c>--json</c>); standard output when null.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Where messages and progress bars go; standard error when null.</summary>
    public TextWriter? Error { get; init; }

    /// <summary>
    /// Whether progress bars are drawn: null (the default) draws them when standard error is a terminal (and never with
    /// <c>--json</c> or <c>--no-progress</c>); false never draws them.
    /// </summary>
    public bool? Progress { get; init; }
}
