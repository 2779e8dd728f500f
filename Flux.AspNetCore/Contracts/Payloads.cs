using System.Text.Json;

namespace Flux.AspNetCore;

/// <summary>Stored UTF-8 JSON as a value the API returns.</summary>
internal static class Payloads
{
    public static JsonElement? Parse(byte[]? json)
    {
        if (json is null || json.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>The answer to a cancel: whether this request cancelled it (or asked its owner to), and the execution as it is now.</summary>
/// <param name="Cancelled">True when the execution was cancelled, or its owner was asked to cancel it.</param>
/// <param name="Execution">The execution's summary after the request.</param>
public sealed record CancelResult(
    [property: System.Text.Json.Serialization.JsonPropertyName("cancelled")] bool Cancelled,
    [property: System.Text.Json.Serialization.JsonPropertyName("execution")] ExecutionInfo Execution);
