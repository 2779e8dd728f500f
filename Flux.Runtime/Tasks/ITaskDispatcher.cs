namespace Flux;

/// <summary>
/// Runs one attempt of a task's body somewhere else (another process, a cluster's workers) and returns its result: the
/// hook through which the engine spreads task calls. Set it on <see cref="RunOptions.TaskDispatcher"/>. The engine keeps
/// everything around the attempt: the call's id, its events, retries, timeouts, fallback, rollback and cache; the
/// arguments and the result travel as JSON written with <see cref="RunOptions.Json"/>.
/// </summary>
/// <remarks>
/// The worker side runs the body with <see cref="TaskHandle.InvokeBodyAsync(ReadOnlySpan{object}, string, CancellationToken)"/>,
/// which makes <see cref="Workflow.CurrentCall"/> return the dispatched call's id inside the body. A body that throws
/// should surface as a <see cref="RecordedFailureException"/> (or a type deriving from it), so that the log records the
/// original exception's type, message and stack.
/// </remarks>
public interface ITaskDispatcher
{
    /// <summary>Runs the body of task <paramref name="taskName"/> once with the given arguments, wherever the dispatcher sends it.</summary>
    /// <param name="taskName">The task's name, as the generated catalog knows it.</param>
    /// <param name="argumentsJson">The arguments as a UTF-8 JSON array, one element per parameter in order (<c>[]</c> for none).</param>
    /// <param name="callId">The call's stable id: it names the call in errors and is the body's idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call: the body's token is cancelled wherever it runs.</param>
    /// <returns>The body's result as UTF-8 JSON, written with the task's result type.</returns>
    ValueTask<ReadOnlyMemory<byte>> RunAsync(string taskName, ReadOnlyMemory<byte> argumentsJson, string callId, CancellationToken cancellationToken);
}
