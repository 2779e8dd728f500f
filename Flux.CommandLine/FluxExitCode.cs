namespace Flux.CommandLine;

/// <summary>
/// The exit codes of the Flux command line: what happened, for scripts. <c>run</c>, <c>resume</c> and <c>watch</c>
/// exit with the state the execution ended in; the other commands with <see cref="Succeeded"/> when they did what
/// was asked.
/// </summary>
public static class FluxExitCode
{
    /// <summary>The execution succeeded, or the command did what was asked.</summary>
    public const int Succeeded = 0;

    /// <summary>The execution failed, or the command could not give what was asked (a workflow without a diagram).</summary>
    public const int Failed = 1;

    /// <summary>The command line does not fit: an unknown command, workflow or state, JSON that does not fit the input type, a missing <c>@file</c>.</summary>
    public const int BadInput = 2;

    /// <summary>The execution paused and waits for <c>resume</c>.</summary>
    public const int Paused = 3;

    /// <summary>The execution was cancelled.</summary>
    public const int Cancelled = 4;

    /// <summary>The store has no execution with the id given.</summary>
    public const int NotFound = 5;

    /// <summary>The execution cannot do that now: it is finished (cancel), another live process runs it (resume), or the id is taken (run --id).</summary>
    public const int Conflict = 6;

    /// <summary>The store could not be opened or read.</summary>
    public const int StoreError = 7;

    /// <summary>The command was interrupted (Ctrl+C) before the execution finished; it stays in the store and can be resumed.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code for an execution in <paramref name="state"/>.</summary>
    public static int For(ExecutionState state) => state switch
    {
        ExecutionState.Succeeded => Succeeded,
        ExecutionState.Failed => Failed,
        ExecutionState.Paused => Paused,
        ExecutionState.Cancelled => Cancelled,
        _ => Interrupted,
    };
}
