using System;
using System.Threading;
using System.Threading.Tasks;

namespace Flux.Orleans;

/// <summary>
/// Sends one task call's body to run somewhere else and returns its result: the hook through which the engine spreads
/// the calls of a Map or a Parallel over a cluster. One call of <see cref="RunAsync"/> is one attempt of the body; the
/// engine keeps everything around it (the call's id, its events, retries, timeouts, fallback, rollback, cache).
/// </summary>
public interface ITaskDispatcher
{
    /// <summary>Runs the body of task <paramref name="taskName"/> once with the given arguments, wherever the dispatcher sends it.</summary>
    /// <param name="taskName">The task's name, as the generated catalog knows it.</param>
    /// <param name="argumentsJson">The arguments as a UTF-8 JSON array, one element per parameter in order (<c>[]</c> for none).</param>
    /// <param name="callId">The call's stable id: it names the call in errors and is the body's idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call: the body's token is cancelled wherever it runs.</param>
    /// <returns>The body's result as UTF-8 JSON, written with the task's result type.</returns>
    /// <exception cref="TaskBodyFailedException">The body threw; the exception describes the original one.</exception>
    /// <exception cref="TaskDispatchException">The call could not be run: no silo knows the task, the arguments do not fit it,
    /// or the silos running it kept going away.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<ReadOnlyMemory<byte>> RunAsync(string taskName, ReadOnlyMemory<byte> argumentsJson, string callId, CancellationToken cancellationToken);
}
