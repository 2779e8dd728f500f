namespace Flux;

/// <summary>
/// The execution is pausing at <see cref="PauseName"/> (<see cref="Workflow.Pause{T}(string)"/>): thrown by the pause
/// and by every call made after it in the same execution, so that nothing new starts. A <c>catch</c> in the workflow
/// body cannot keep the execution running: whatever the body does next, the run ends paused. Let it propagate.
/// </summary>
public sealed class PauseRequestedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="pauseName">The name of the pause the execution waits at.</param>
    public PauseRequestedException(string pauseName)
        : base($"The workflow is pausing at '{pauseName}': it continues when the execution is resumed.")
    {
        PauseName = pauseName;
    }

    /// <summary>The name of the pause the execution waits at.</summary>
    public string PauseName { get; }
}
