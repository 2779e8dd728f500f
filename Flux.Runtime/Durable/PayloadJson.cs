using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Flux;

/// <summary>
/// How a durable log writes and reads its payloads: values through the run's <see cref="JsonSerializerOptions"/>
/// (falling back to <see cref="BuiltinJson"/> for primitives), and Flux's own shapes (a call's start, a failure, a retry)
/// by hand with <see cref="Utf8JsonWriter"/>, so they need no metadata of the user's.
/// </summary>
/// <remarks>
/// The shapes, which stored logs depend on:
/// <list type="table">
/// <item><term>TaskStarted</term><description><c>{"position":k,"arguments":[a0,a1,...]}</c> (a sleep adds <c>"wakeAt"</c>)</description></item>
/// <item><term>TaskCompleted, TaskFallbackCompleted</term><description>the result</description></item>
/// <item><term>TaskFailed, TaskFallbackFailed, TaskRollbackFailed, WorkflowFailed</term><description>a failure: <c>{"type","message","stackTrace","inner":[...]}</c>, and for a <see cref="TaskFailedException"/> <c>"task","callId","attempts","fallbackFailed","rollbackFailed"</c></description></item>
/// <item><term>TaskRetryStarted/Completed/Failed</term><description><c>{"attempt","retries","wait","error"}</c></description></item>
/// <item><term>TaskTimedOut</term><description>the limit as a <c>TimeSpan</c> string</description></item>
/// <item><term>TaskFallbackStarted, TaskRollbackStarted</term><description>the arguments as an array</description></item>
/// <item><term>TaskPaused</term><description>the pause's name</description></item>
/// <item><term>TaskResumed</term><description><c>{"name","input"}</c></description></item>
/// <item><term>WorkflowStarted / WorkflowCompleted</term><description>the input / the output</description></item>
/// <item><term>WorkflowPaused</term><description><c>{"name","output":null}</c></description></item>
/// <item><term>WorkflowResumed</term><description>the resume value</description></item>
/// </list>
/// </remarks>
internal static class PayloadJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Reflection-based options, for applications that allow reflection and set no <see cref="RunOptions.Json"/>.</summary>
    public static JsonSerializerOptions ReflectionDefault
    {
        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only used when JsonSerializer.IsReflectionEnabledByDefault is true: the application opted into reflection.")]
        [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only used when JsonSerializer.IsReflectionEnabledByDefault is true: the application opted into reflection.")]
        get => JsonSerializerOptions.Default;
    }

    /// <summary>Writes one payload with a writer of this thread's and returns its bytes.</summary>
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });

        // A nested write on this thread (a value's converter that records) gets its own writer.
        t_buffer = null;
        t_writer = null;
        try
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            write(writer, state);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            t_buffer = buffer;
            t_writer = writer;
        }
    }

    /// <summary>A value as its own payload.</summary>
    public static byte[] Value<T>(T value, JsonTypeInfo<T> info) => JsonSerializer.SerializeToUtf8Bytes(value, info);

    /// <summary>Reads a value written by <see cref="Value{T}"/>.</summary>
    public static T? Read<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> info) => JsonSerializer.Deserialize(json, info);

    /// <summary>The metadata of <paramref name="type"/>: the run's options', else Flux's own for primitives; null when neither has it.</summary>
    public static JsonTypeInfo? TryGetTypeInfo(Type type, JsonSerializerOptions options, out Exception? error)
    {
        error = null;
        try
        {
            if (options.TryGetTypeInfo(type, out var info))
            {
                return info;
            }
        }
        catch (Exception failed) when (failed is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            error = failed;
        }

        return BuiltinJson.Default.GetTypeInfo(type);
    }

    /// <summary>The metadata of <typeparamref name="T"/>, or a <see cref="PayloadSerializationException"/> whose message says where the value is used.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options, Func<string> where) =>
        (JsonTypeInfo<T>)(TryGetTypeInfo(typeof(T), options, out var error) ?? throw NoMetadata(typeof(T), where(), error));

    /// <summary>The error for a type the options have no metadata for.</summary>
    public static PayloadSerializationException NoMetadata(Type type, string where, Exception? error) => new(
        $"{where} a '{TypeNames.Of(type)}', which the durable run's JSON options (RunOptions.Json) cannot serialize: add [JsonSerializable(typeof({TypeNames.Of(type)}))] " +
        "to your JsonSerializerContext and pass its options (AppJson.Default.Options) as RunOptions.Json, or register the context with [assembly: FluxJsonContext(typeof(AppJson))].",
        type,
        error);

    /// <summary>The error for stored JSON that does not fit the type the code expects now.</summary>
    public static PayloadSerializationException Unreadable(Type type, string what, Exception error) => new(
        $"{what} cannot be read as a '{TypeNames.Of(type)}': {error.Message} The type changed since the execution recorded it; finish the execution with the code it started with.",
        type,
        error);

    /// <summary>A failure, as stored: see the remarks.</summary>
    public static byte[] Failure(Exception error) => Write(error, static (writer, error) => WriteFailure(writer, error));

    public static void WriteFailure(Utf8JsonWriter writer, Exception error)
    {
        var failure = RecordedFailure.From(error);
        writer.WriteStartObject();
        WriteFailureFields(writer, failure);
        if (error is TaskFailedException failed)
        {
            writer.WriteString("task", failed.TaskName);
            writer.WriteString("callId", failed.CallId);
            writer.WriteNumber("attempts", failed.Attempts);
            writer.WriteBoolean("fallbackFailed", failed.FallbackError is not null);
            writer.WriteBoolean("rollbackFailed", failed.RollbackError is not null);
        }

        writer.WriteEndObject();
    }

    private static void WriteFailureFields(Utf8JsonWriter writer, RecordedFailure failure)
    {
        writer.WriteString("type", failure.Type);
        writer.WriteString("message", failure.Message);
        if (failure.StackTrace is { } stack)
        {
            writer.WriteString("stackTrace", stack);
        }

        writer.WriteStartArray("inner");
        foreach (var inner in failure.Inner)
        {
            writer.WriteStartObject();
            WriteFailureFields(writer, inner);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads a stored failure: the record and, for a <see cref="TaskFailedException"/>, its particulars.</summary>
    public static StoredFailure ReadFailure(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return ReadFailureObject(ref reader);
    }

    private static StoredFailure ReadFailureObject(ref Utf8JsonReader reader)
    {
        string type = "System.Exception", message = "";
        string? stack = null, task = null, callId = null;
        var attempts = 1;
        bool fallbackFailed = false, rollbackFailed = false;
        var inner = new List<RecordedFailure>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "type": type = reader.GetString() ?? type; break;
                case "message": message = reader.GetString() ?? ""; break;
                case "stackTrace": stack = reader.GetString(); break;
                case "task": task = reader.GetString(); break;
                case "callId": callId = reader.GetString(); break;
                case "attempts": attempts = reader.GetInt32(); break;
                case "fallbackFailed": fallbackFailed = reader.GetBoolean(); break;
                case "rollbackFailed": rollbackFailed = reader.GetBoolean(); break;
                case "inner":
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        inner.Add(ReadFailureObject(ref reader).Failure);
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        return new StoredFailure(new RecordedFailure(type, message, stack, inner), task, callId, attempts, fallbackFailed, rollbackFailed);
    }

    /// <summary>A <see cref="RetryInfo"/>, as stored.</summary>
    public static byte[] Retry(RetryInfo retry) => Write(retry, static (writer, retry) =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("attempt", retry.Attempt);
        writer.WriteNumber("retries", retry.Retries);
        writer.WriteString("wait", retry.Delay.ToString("c", CultureInfo.InvariantCulture));
        if (retry.Error is { } error)
        {
            writer.WritePropertyName("error");
            WriteFailure(writer, error);
        }

        writer.WriteEndObject();
    });

    /// <summary>A WorkflowPaused payload: <c>{"name":...,"output":null}</c>, as Python flux records it.</summary>
    public static byte[] Paused(string name) => Write(name, static (writer, name) =>
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteNull("output");
        writer.WriteEndObject();
    });

    /// <summary>A TaskResumed payload: <c>{"name":...,"input":...}</c>, the input as stored JSON (or null).</summary>
    public static byte[] Resumed(string name, byte[]? input) => Write((name, input), static (writer, s) =>
    {
        writer.WriteStartObject();
        writer.WriteString("name", s.name);
        writer.WritePropertyName("input");
        if (s.input is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(s.input, skipInputValidation: true);
        }

        writer.WriteEndObject();
    });

    /// <summary>A string as a JSON string.</summary>
    public static byte[] String(string? value) => value is null ? "null"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(value, BuiltinJson.Default.String);

    /// <summary>A time span as a JSON string (<c>c</c> format).</summary>
    public static byte[] Duration(TimeSpan value) => JsonSerializer.SerializeToUtf8Bytes(value, BuiltinJson.Default.TimeSpan);

    /// <summary>A named date property of a payload object, or null.</summary>
    public static DateTimeOffset? ReadDateTimeOffset(ReadOnlySpan<byte> json, ReadOnlySpan<byte> property)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(property);
            reader.Read();
            if (match)
            {
                return reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value) ? value : null;
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>The position from a <c>TaskStarted</c> payload (its first property), or -1.</summary>
    public static int ReadPosition(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName
            && reader.ValueTextEquals("position"u8) && reader.Read() && reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt32();
        }

        return -1;
    }

    /// <summary>A named string property of a payload object, or null.</summary>
    public static string? ReadString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> property)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            return property.IsEmpty ? reader.GetString() : null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(property);
            reader.Read();
            if (match)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }
}

/// <summary>A failure read back from a log: its record and, for a <see cref="TaskFailedException"/>, the call it names.</summary>
internal readonly record struct StoredFailure(RecordedFailure Failure, string? TaskName, string? CallId, int Attempts, bool FallbackFailed, bool RollbackFailed)
{
    /// <summary>The exception to throw again: a <see cref="TaskFailedException"/> of the same shape, or the recorded exception.</summary>
    public Exception ToException(string? workflowName, string? executionId)
    {
        if (Failure.Type != typeof(TaskFailedException).FullName || TaskName is null)
        {
            return new RecordedFailureException(Failure);
        }

        var inner = Failure.Inner;
        var at = 1;
        Exception original = inner.Count > 0 ? new RecordedFailureException(inner[0]) : new RecordedFailureException(new RecordedFailure("System.Exception", Failure.Message, null, []));
        var fallback = FallbackFailed && inner.Count > at ? new RecordedFailureException(inner[at++]) : null;
        var rollback = RollbackFailed && inner.Count > at ? new RecordedFailureException(inner[at]) : null;
        return new TaskFailedException(Failure.Message, TaskName, CallId ?? "", workflowName, executionId, Attempts, original, fallback, rollback);
    }
}
