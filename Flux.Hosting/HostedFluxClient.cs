using System.Text.Json;

namespace Flux;

/// <summary>
/// The <see cref="IFluxClient"/> a host hands out: the host's <see cref="FluxClient"/>, without its
/// <see cref="FluxClient.DisposeAsync"/>, which the container would otherwise call (and wait in) when it is disposed.
/// </summary>
internal sealed class HostedFluxClient(FluxClient client) : IFluxClient
{
    public IReadOnlyList<WorkflowDescriptor> Workflows => client.Workflows;

    public Task<ExecutionRecord> StartAsync(string workflow, JsonElement? input, string? executionId = null, CancellationToken cancellationToken = default) =>
        client.StartAsync(workflow, input, executionId, cancellationToken);

    public Task<ExecutionRecord> RunAsync(string workflow, JsonElement? input, string? executionId = null, CancellationToken cancellationToken = default) =>
        client.RunAsync(workflow, input, executionId, cancellationToken);

    public Task<ExecutionRecord> ResumeAsync(string executionId, JsonElement? value = null, bool wait = true, CancellationToken cancellationToken = default) =>
        client.ResumeAsync(executionId, value, wait, cancellationToken);

    public Task<bool> CancelAsync(string executionId, CancellationToken cancellationToken = default) =>
        client.CancelAsync(executionId, cancellationToken);

    public Task<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default) =>
        client.GetAsync(executionId, cancellationToken);

    public Task<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default) =>
        client.QueryAsync(query, cancellationToken);

    public IAsyncEnumerable<StoredEvent> GetEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default) =>
        client.GetEventsAsync(executionId, afterSequence, cancellationToken);

    public IAsyncEnumerable<StoredEvent> WatchAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default) =>
        client.WatchAsync(executionId, afterSequence, cancellationToken);
}
