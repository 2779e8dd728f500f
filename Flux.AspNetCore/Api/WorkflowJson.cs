using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace Flux.AspNetCore;

/// <summary>
/// The JSON a workflow's inputs and outputs are read and written with, as its runs use it: the options of
/// <see cref="FluxEndpointOptions.Json"/>, else the <see cref="FluxClient"/>'s <see cref="RunOptions.Json"/>, else the
/// workflow's catalog's (<see cref="WorkflowDescriptor.Json"/>), else reflection-based JSON when the application allows
/// it; primitives that the options do not know come from the runtime's own metadata, as in a run.
/// </summary>
internal sealed class WorkflowJson(FluxEndpointOptions endpointOptions)
{
    private static readonly JsonSchemaExporterOptions s_schemaOptions = new() { TreatNullObliviousAsNonNullable = true };

    private readonly ConcurrentDictionary<(WorkflowDescriptor, Type), JsonNode?> _schemas = new();

    /// <summary>The options a workflow's values use, or null when none can be found.</summary>
    public JsonSerializerOptions? OptionsFor(IFluxClient client, WorkflowDescriptor workflow) =>
        endpointOptions.Json
        ?? (client as FluxClient)?.Options.Json
        ?? workflow.Json
        ?? (JsonSerializer.IsReflectionEnabledByDefault ? ReflectionDefault : null);

    /// <summary>The metadata of <paramref name="type"/> in <paramref name="options"/>, else the runtime's for a primitive; null when neither has it.</summary>
    public static JsonTypeInfo? TypeInfo(JsonSerializerOptions? options, Type type)
    {
        if (options is not null)
        {
            try
            {
                if (options.TryGetTypeInfo(type, out var info))
                {
                    return info;
                }
            }
            catch (Exception error) when (error is NotSupportedException or InvalidOperationException or ArgumentException)
            {
                // No metadata for the type (or one of its members): fall back as a run does.
            }
        }

        return BuiltinJson.Default.GetTypeInfo(type);
    }

    /// <summary>The JSON schema of a workflow's <paramref name="type"/>, cached; null when there is no metadata for it.</summary>
    public JsonNode? SchemaOf(IFluxClient client, WorkflowDescriptor workflow, Type type) =>
        _schemas.GetOrAdd((workflow, type), static (key, state) =>
        {
            var info = TypeInfo(state.Json.OptionsFor(state.Client, key.Item1), key.Item2);
            if (info is null)
            {
                return null;
            }

            try
            {
                return JsonSchemaExporter.GetJsonSchemaAsNode(info, s_schemaOptions);
            }
            catch (Exception error) when (error is NotSupportedException or InvalidOperationException)
            {
                return null;
            }
        }, (Json: this, Client: client))?.DeepClone();

    /// <summary>What JSON a type takes, from its schema: "a JSON number", "a JSON string or null", "one of "a", "b"".</summary>
    public static string JsonKindOf(JsonTypeInfo info)
    {
        JsonNode? schema;
        try
        {
            schema = JsonSchemaExporter.GetJsonSchemaAsNode(info, s_schemaOptions);
        }
        catch (Exception error) when (error is NotSupportedException or InvalidOperationException)
        {
            return "a JSON value";
        }

        if (schema?["enum"] is JsonArray values && values.Count > 0)
        {
            return "one of " + string.Join(", ", values.Select(v => v?.ToJsonString() ?? "null"));
        }

        string[] kinds = schema?["type"] switch
        {
            JsonValue one when one.TryGetValue<string>(out var kind) => [kind],
            JsonArray many => many.Select(k => k?.GetValue<string>()).OfType<string>().ToArray(),
            _ => [],
        };
        return kinds.Length == 0 ? "a JSON value" : string.Join(" or ", kinds.Select(Describe));

        static string Describe(string kind) => kind switch
        {
            "null" => "null",
            "boolean" => "true or false",
            _ => "a JSON " + kind,
        };
    }

    private static JsonSerializerOptions ReflectionDefault
    {
        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only used when JsonSerializer.IsReflectionEnabledByDefault is true: the application opted into reflection.")]
        [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only used when JsonSerializer.IsReflectionEnabledByDefault is true: the application opted into reflection.")]
        get => JsonSerializerOptions.Default;
    }
}
