using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Flux.CommandLine;

/// <summary>
/// What <c>--json</c> prints: executions, events and workflows with the same names and shapes as the HTTP API
/// (camelCase, states and event types as their names), written by hand so that no reflection is needed.
/// </summary>
internal static class JsonOutput
{
    // Text stays readable ("a+b", not "a\u002Bb"): the output goes to a terminal or a script, never into HTML.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One document, indented.</summary>
    public static string Document(Action<Utf8JsonWriter> write) => Write(write, Indented);

    /// <summary>One document on one line (<c>watch --json</c> prints one per event).</summary>
    public static string Line(Action<Utf8JsonWriter> write) => Write(write, Compact);

    public static void Execution(Utf8JsonWriter writer, ExecutionRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("executionId", record.ExecutionId);
        writer.WriteString("workflow", record.WorkflowName);
        writer.WriteString("state", record.State.ToString());
        writer.WriteString("createdAt", record.CreatedAt);
        writer.WriteString("updatedAt", record.UpdatedAt);
        WriteTime(writer, "finishedAt", record.FinishedAt);
        WriteRaw(writer, "output", record.Output);
        if (record.ErrorType is null && record.ErrorMessage is null)
        {
            writer.WriteNull("error");
        }
        else
        {
            writer.WriteStartObject("error");
            writer.WriteString("type", record.ErrorType);
            writer.WriteString("message", record.ErrorMessage);
            writer.WriteEndObject();
        }

        writer.WriteString("pausedAt", record.PausedAt);
        WriteTime(writer, "wakeAt", record.WakeAt);
        writer.WriteString("owner", record.Owner);
        WriteTime(writer, "cancelRequestedAt", record.CancelRequestedAt);
        writer.WriteString("parentExecutionId", record.ParentExecutionId);
        writer.WriteNumber("lastSequence", record.LastSequence);
        writer.WriteEndObject();
    }

    public static void Event(Utf8JsonWriter writer, TimelineRow row)
    {
        var stored = row.Event;
        writer.WriteStartObject();
        writer.WriteNumber("sequence", stored.Sequence);
        writer.WriteString("type", stored.Type.ToString());
        writer.WriteString("time", stored.Time);
        writer.WriteString("callId", stored.CallId);
        writer.WriteString("name", stored.Name);
        if (row.Duration is { } duration)
        {
            writer.WriteNumber("durationMs", Math.Round(duration.TotalMilliseconds, 3));
        }
        else
        {
            writer.WriteNull("durationMs");
        }

        writer.WriteString("error", row.Error);
        WriteRaw(writer, "payload", stored.Payload);
        writer.WriteEndObject();
    }

    public static void Workflow(Utf8JsonWriter writer, WorkflowDescriptor workflow)
    {
        writer.WriteStartObject();
        writer.WriteString("name", workflow.Name);
        writer.WriteString("inputType", TypeNames.Of(workflow.InputType));
        writer.WriteString("outputType", TypeNames.Of(workflow.OutputType));
        writer.WriteBoolean("hasDiagram", workflow.Diagram is not null);
        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteRaw(Utf8JsonWriter writer, string name, byte[]? json)
    {
        writer.WritePropertyName(name);
        if (json is { Length: > 0 })
        {
            using var document = JsonDocument.Parse(json);
            document.RootElement.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static string Write(Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
