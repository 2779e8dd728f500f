using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Flux.AspNetCore;

/// <summary>A workflow the API runs: its name, its input and output types and their JSON schemas.</summary>
public sealed record WorkflowInfo
{
    /// <summary>The workflow's name, as the API's routes take it.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The input type's name, as C# writes it (<c>Order</c>, <c>int[]</c>).</summary>
    [JsonPropertyName("inputType")]
    public required string InputType { get; init; }

    /// <summary>The output type's name, as C# writes it.</summary>
    [JsonPropertyName("outputType")]
    public required string OutputType { get; init; }

    /// <summary>The JSON schema of the input a start takes; null when the workflow's JSON options have no metadata for the type.</summary>
    [JsonPropertyName("inputSchema")]
    public JsonNode? InputSchema { get; init; }

    /// <summary>The JSON schema of the output; null when the workflow's JSON options have no metadata for the type.</summary>
    [JsonPropertyName("outputSchema")]
    public JsonNode? OutputSchema { get; init; }

    /// <summary>True when the workflow has a Mermaid diagram (a graph known at build time): <c>GET workflows/{name}/diagram</c>.</summary>
    [JsonPropertyName("hasDiagram")]
    public bool HasDiagram { get; init; }
}
