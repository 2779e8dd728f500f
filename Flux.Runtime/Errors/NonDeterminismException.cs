namespace Flux;

/// <summary>
/// A resumed execution made a call that its log does not have at that place: the workflow's code (or what it branches
/// on outside tasks) changed since the execution recorded its calls, so replaying it would hand recorded results to the
/// wrong calls. The message names the position (the scope and the how-many-th call started there), what the log
/// recorded there and what the code asked for.
/// </summary>
public sealed class NonDeterminismException : FluxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="executionId">The execution being resumed.</param>
    /// <param name="scopePath">The path of the scope the call was made in (empty for the workflow body).</param>
    /// <param name="position">The how-many-th call started in that scope (0 for the first).</param>
    /// <param name="recorded">What the log recorded at that position: a call id (<c>{task}_{fingerprint}</c>).</param>
    /// <param name="requested">What the code asked for at that position: a call id.</param>
    public NonDeterminismException(string executionId, string scopePath, int position, string recorded, string requested)
        : base(
            $"Execution '{executionId}' no longer makes the calls it recorded: call {position} of {(scopePath.Length == 0 ? "the workflow body" : $"scope '{scopePath}'")} " +
            $"was recorded as '{recorded}' but the code now asks for '{requested}'. The workflow's code, or something it branches on outside a task " +
            "(the clock, a random number, a file), changed since this execution ran; finish it with the code it started with, or cancel it and start a new one. " +
            "Use Workflow.Now(), Workflow.Random(), Workflow.NewGuid() and tasks for anything that may differ between runs.")
    {
        ExecutionId = executionId;
        ScopePath = scopePath;
        Position = position;
        Recorded = recorded;
        Requested = requested;
    }

    /// <summary>The execution being resumed.</summary>
    public string ExecutionId { get; }

    /// <summary>The path of the scope the call was made in (empty for the workflow body).</summary>
    public string ScopePath { get; }

    /// <summary>The how-many-th call started in that scope (0 for the first).</summary>
    public int Position { get; }

    /// <summary>The call the log recorded at that position.</summary>
    public string Recorded { get; }

    /// <summary>The call the code asked for at that position.</summary>
    public string Requested { get; }
}
