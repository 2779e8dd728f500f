namespace Flux;

/// <summary>
/// The deterministic built-ins: what a workflow body may not compute itself (the clock, randomness, new ids, waits,
/// a pause for a person), because a resumed execution runs the body again from its first line. Each is a recorded call
/// that replays its first value.
/// </summary>
public static partial class Workflow
{
    /// <summary>
    /// Pauses the execution at <paramref name="name"/> until it is resumed, and returns the value it is resumed with
    /// (<c>default</c> for none): <c>var decision = await Workflow.Pause&lt;Decision&gt;("manager_approval");</c>. The run ends
    /// with <see cref="ExecutionContext.IsPaused"/> and <see cref="ExecutionContext.PausedAt"/> set; resume it with
    /// <c>ResumeAsync</c>. A <c>catch</c> in the body cannot swallow a pause: every call made after it throws the pause
    /// too. Inside a Parallel or a Map, the execution pauses once the running siblings finished; they replay on resume.
    /// Two pauses with the same name are two calls, and each pauses.
    /// </summary>
    /// <typeparam name="T">The type of the resume value.</typeparam>
    /// <param name="name">The pause's name, as <see cref="ExecutionContext.PausedAt"/> and the log show it.</param>
    public static TaskCall<T> Pause<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return PauseTask<T>.Instance.Call(name);
    }

    /// <summary>The current time on the execution's clock, recorded the first time and replayed after: <c>var now = await Workflow.Now();</c>.</summary>
    public static TaskCall<DateTimeOffset> Now() => NowTask.Instance.Call(default);

    /// <summary>A new GUID, made the first time and replayed after.</summary>
    public static TaskCall<Guid> NewGuid() => GuidTask.Instance.Call(default);

    /// <summary>A random number in [0, 1), drawn the first time and replayed after.</summary>
    public static TaskCall<double> Random() => RandomTask.Instance.Call(default);

    /// <summary>
    /// Waits <paramref name="duration"/> on the execution's clock: a durable timer. Its wake time is recorded when it
    /// starts; a run resumed after a restart waits only what is left (nothing if the time has passed), and a finished
    /// sleep is not waited again.
    /// </summary>
    public static TaskCall<ValueTuple> Sleep(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return SleepTask.Instance.Call(new SleepRequest(duration));
    }
}
