namespace Flux;

/// <summary>
/// <c>Workflow.Pause&lt;T&gt;(name)</c>: the call <c>flux:pause</c>, whose id hashes the pause's name (so two pauses
/// with the same name in one scope are two calls, <c>~1</c> for the second). The first time it runs, it halts the
/// execution (every later call throws the pause too) and throws <see cref="PauseRequestedException"/>; the invoker
/// records TaskPaused and the run ends paused. When the execution is resumed, the pause that parked it runs again,
/// records TaskResumed and returns the resume value, which is recorded as its TaskCompleted and replayed afterwards.
/// </summary>
internal sealed class PauseTask<T>() : BuiltinTask<string, T>("flux:pause", typeof(string))
{
    public static PauseTask<T> Instance { get; } = new();

    protected override void WriteFingerprint(ref FingerprintWriter writer, string arguments) => writer.Write(arguments);

    protected override ValueTask<T> InvokeAsync(string arguments, CancellationToken cancellationToken)
    {
        var call = Scope.Current as CallScope;
        var execution = call?.Execution ?? throw new InvalidOperationException(
            $"Workflow.Pause(\"{arguments}\") was awaited outside a workflow: a pause stops a running execution until it is resumed, so await it in a workflow body.");
        if (call.RecordedStart is { Paused: true } && execution.TakeResumeValue() is { } resume)
        {
            var value = resume.As<T>(execution.Json, arguments);
            var payload = execution.Durable is null ? null : PayloadJson.Resumed(arguments, resume.ToJson(execution.Json!));
            execution.RecordCall(ExecutionEventType.TaskResumed, call, resume.Value, payload);
            return ValueTask.FromResult(value);
        }

        execution.Halt(new PauseRequestedException(arguments));
        return ValueTask.FromException<T>(new PauseRequestedException(arguments));
    }
}
