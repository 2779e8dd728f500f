using System.Text.Json;

namespace Flux.AspNetCore;

/// <summary>How <c>app.MapFlux(...)</c> maps the API and the dashboard.</summary>
public sealed class FluxEndpointOptions
{
    /// <summary>
    /// The JSON options the workflows' inputs and outputs are read and described with (their schemas). Null (the
    /// default): the <see cref="FluxClient"/>'s <see cref="RunOptions.Json"/>, else the workflow catalog's, as a run does.
    /// </summary>
    public JsonSerializerOptions? Json { get; set; }

    /// <summary>Whether the dashboard page is served at the group's root (default true). The API is mapped either way.</summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>The most events one page of <c>GET executions/{id}/events</c> returns when the request names no limit (default 500).</summary>
    public int DefaultEventPageSize { get; set; } = 500;
}
