using System.Threading;

namespace Flux.Orleans;

/// <summary>
/// The task call a worker runs on this asynchronous flow, with the silo it runs on: what a body (or a test) can read
/// about where it runs. Set by the worker around each body; null elsewhere.
/// </summary>
/// <param name="TaskName">The task's name.</param>
/// <param name="CallId">The call's stable id.</param>
/// <param name="Silo">The silo the body runs on.</param>
internal sealed record TaskWorkerCall(string TaskName, string CallId, string Silo)
{
    private static readonly AsyncLocal<TaskWorkerCall?> s_current = new();

    /// <summary>The call running on this asynchronous flow, or null outside a worker.</summary>
    public static TaskWorkerCall? Current
    {
        get => s_current.Value;
        internal set => s_current.Value = value;
    }
}
