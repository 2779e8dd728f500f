using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Flux;

/// <summary>What a task's values look like in JSON, for durable logs and dispatch, and the way to run its body alone.</summary>
public abstract partial class TaskHandle
{
    private volatile TaskJson? _json;

    /// <summary>False for Flux's own tasks (built-ins, child workflows), which always run in the execution's process.</summary>
    internal virtual bool CanDispatch => true;

    /// <summary>The JSON metadata of this task's parameters and result under <paramref name="options"/> (kept for the last options asked).</summary>
    /// <exception cref="PayloadSerializationException">The options have no metadata for a parameter or the result.</exception>
    internal TaskJson JsonFor(JsonSerializerOptions options)
    {
        var cached = _json;
        if (cached is not null && ReferenceEquals(cached.Options, options))
        {
            return cached;
        }

        var types = ParameterTypes;
        var parameters = new JsonTypeInfo[types.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = Resolve(types[i], options, $"Task '{Name}' takes, as parameter {i + 1},");
        }

        var built = new TaskJson(options, parameters, Resolve(ResultType, options, $"Task '{Name}' returns"));
        _json = built;
        return built;
    }

    private static JsonTypeInfo Resolve(Type type, JsonSerializerOptions options, string where) =>
        PayloadJson.TryGetTypeInfo(type, options, out var error) ?? throw PayloadJson.NoMetadata(type, where, error);

    /// <summary>The arguments as a payload: a JSON array, or the TaskStarted object that holds it with the call's position.</summary>
    internal abstract byte[] ArgumentsPayload<T>(T arguments, int position, bool started, JsonSerializerOptions options);

    /// <summary>A result (of the body or the fallback) as a payload.</summary>
    internal abstract byte[] ResultPayload<T>(T value, JsonSerializerOptions options);

    /// <summary>Reads a recorded result.</summary>
    /// <exception cref="PayloadSerializationException">The stored JSON does not fit the result type.</exception>
    internal abstract T ReadResult<T>(ReadOnlySpan<byte> json, JsonSerializerOptions options, string callId);

    /// <summary>
    /// Runs the task's body exactly once with untyped arguments, one per parameter: no retries, timeout, cache,
    /// fallback or rollback, and no events. What a worker runs for an <see cref="ITaskDispatcher"/>. Calls the body makes
    /// run outside any execution. The body's exception, if it throws, is thrown as it is.
    /// </summary>
    /// <param name="arguments">The arguments, one per parameter, of the parameters' types.</param>
    /// <param name="callId">The id of the call the body runs for: what <see cref="Workflow.CurrentCall"/> returns inside it; null for the id its arguments give outside a workflow.</param>
    /// <param name="cancellationToken">The body's token.</param>
    /// <returns>The body's result, boxed (<c>default(ValueTuple)</c> for a task that returns no value).</returns>
    /// <exception cref="ArgumentException">The number or the types of the arguments do not fit the task.</exception>
    public abstract ValueTask<object?> InvokeBodyAsync(ReadOnlySpan<object?> arguments, string? callId, CancellationToken cancellationToken);

    /// <inheritdoc cref="InvokeBodyAsync(ReadOnlySpan{object?}, string?, CancellationToken)"/>
    public ValueTask<object?> InvokeBodyAsync(ReadOnlySpan<object?> arguments, CancellationToken cancellationToken) =>
        InvokeBodyAsync(arguments, null, cancellationToken);

    /// <summary>
    /// Runs the task's body exactly once (as <see cref="InvokeBodyAsync(ReadOnlySpan{object?}, string?, CancellationToken)"/>)
    /// with its arguments given as a JSON array, one element per parameter, and returns its result as JSON: the worker's
    /// side of <see cref="ITaskDispatcher.RunAsync"/>, with the same <paramref name="json"/> options as the engine's.
    /// </summary>
    /// <param name="argumentsJson">The arguments as a UTF-8 JSON array.</param>
    /// <param name="callId">The id of the call the body runs for (<see cref="Workflow.CurrentCall"/> inside it).</param>
    /// <param name="json">The JSON options the engine writes arguments and reads results with.</param>
    /// <param name="cancellationToken">The body's token.</param>
    /// <exception cref="ArgumentException">The JSON is not an array of the task's parameters.</exception>
    /// <exception cref="PayloadSerializationException">The options have no metadata for a parameter or the result.</exception>
    public abstract ValueTask<ReadOnlyMemory<byte>> InvokeBodyJsonAsync(ReadOnlyMemory<byte> argumentsJson, string? callId, JsonSerializerOptions json, CancellationToken cancellationToken);
}

/// <summary>The JSON metadata of a task's parameters and result under one <see cref="JsonSerializerOptions"/>.</summary>
internal sealed class TaskJson(JsonSerializerOptions options, JsonTypeInfo[] parameters, JsonTypeInfo result)
{
    public JsonSerializerOptions Options { get; } = options;

    public JsonTypeInfo[] Parameters { get; } = parameters;

    public JsonTypeInfo Result { get; } = result;
}

public abstract partial class TaskHandle<TArguments, TResult>
{
    internal sealed override byte[] ArgumentsPayload<T>(T arguments, int position, bool started, JsonSerializerOptions options)
    {
        if (typeof(T) != typeof(TArguments))
        {
            throw new InvalidOperationException($"Task '{Name}' was given arguments of type '{typeof(T).Name}' instead of '{typeof(TArguments).Name}'.");
        }

        var state = new ArgumentsState(this, Unsafe.As<T, TArguments>(ref arguments), JsonFor(options), position, started);
        return PayloadJson.Write(state, static (writer, s) =>
        {
            if (s.Started)
            {
                writer.WriteStartObject();
                writer.WriteNumber("position", s.Position);
                writer.WritePropertyName("arguments");
            }

            s.Handle.WriteArguments(writer, s.Arguments, s.Json);
            if (s.Started)
            {
                s.Handle.WriteStartedExtras(writer, s.Arguments);
                writer.WriteEndObject();
            }
        });
    }

    internal sealed override byte[] ResultPayload<T>(T value, JsonSerializerOptions options)
    {
        var info = JsonFor(options).Result;
        return info is JsonTypeInfo<T> typed
            ? JsonSerializer.SerializeToUtf8Bytes(value, typed)
            : JsonSerializer.SerializeToUtf8Bytes(value, info);
    }

    internal sealed override T ReadResult<T>(ReadOnlySpan<byte> json, JsonSerializerOptions options, string callId)
    {
        var info = JsonFor(options).Result;
        try
        {
            return info is JsonTypeInfo<T> typed ? JsonSerializer.Deserialize(json, typed)! : (T)JsonSerializer.Deserialize(json, info)!;
        }
        catch (Exception error) when (error is JsonException or NotSupportedException or InvalidCastException)
        {
            throw PayloadJson.Unreadable(typeof(T), $"The recorded result of call '{callId}' of task '{Name}'", error);
        }
    }

    /// <summary>Writes the arguments as a JSON array, one element per parameter.</summary>
    internal virtual void WriteArguments(Utf8JsonWriter writer, TArguments arguments, TaskJson json)
    {
        var parameters = json.Parameters;
        writer.WriteStartArray();
        if (parameters.Length == 1)
        {
            if (parameters[0] is JsonTypeInfo<TArguments> typed)
            {
                JsonSerializer.Serialize(writer, arguments, typed);
            }
            else
            {
                JsonSerializer.Serialize(writer, arguments, parameters[0]);
            }
        }
        else if (parameters.Length > 1)
        {
            var tuple = (ITuple)arguments!;
            for (var i = 0; i < parameters.Length; i++)
            {
                JsonSerializer.Serialize(writer, tuple[i], parameters[i]);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>What a call's TaskStarted payload holds besides its position and arguments (a sleep's wake time).</summary>
    internal virtual void WriteStartedExtras(Utf8JsonWriter writer, TArguments arguments)
    {
    }

    /// <summary>Reads arguments written by <see cref="WriteArguments"/>, one object per parameter.</summary>
    internal object?[] ReadArguments(ReadOnlySpan<byte> json, TaskJson metadata)
    {
        var parameters = metadata.Parameters;
        var arguments = new object?[parameters.Length];
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Task '{Name}' takes its arguments as a JSON array, one element per parameter.");
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                throw new JsonException($"Task '{Name}' takes {arguments.Length} argument(s) but the JSON array has {i}.");
            }

            arguments[i] = JsonSerializer.Deserialize(ref reader, parameters[i]);
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException($"Task '{Name}' takes {arguments.Length} argument(s) but the JSON array has more.");
        }

        return arguments;
    }

    /// <summary>Runs one attempt of the body through a dispatcher: arguments out as JSON, the result back as JSON.</summary>
    internal async ValueTask<TResult> DispatchAsync(TArguments arguments, CallScope call, ITaskDispatcher dispatcher, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var json = JsonFor(options);
        var payload = PayloadJson.Write((Handle: this, Arguments: arguments, Json: json), static (writer, s) => s.Handle.WriteArguments(writer, s.Arguments, s.Json));
        var result = await dispatcher.RunAsync(Name, payload, call.IdText, cancellationToken).ConfigureAwait(false);
        return ReadResult<TResult>(result.Span, options, call.IdText);
    }

    /// <inheritdoc/>
    public sealed override ValueTask<object?> InvokeBodyAsync(ReadOnlySpan<object?> arguments, string? callId, CancellationToken cancellationToken) =>
        RunDetachedAsync(ConvertArguments(CheckArguments(arguments)), callId, cancellationToken);

    /// <inheritdoc/>
    public sealed override ValueTask<ReadOnlyMemory<byte>> InvokeBodyJsonAsync(
        ReadOnlyMemory<byte> argumentsJson, string? callId, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var metadata = JsonFor(json);
        TArguments arguments;
        try
        {
            arguments = ConvertArguments(CheckArguments(ReadArguments(argumentsJson.Span, metadata)));
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"Task '{Name}' cannot read the arguments it was sent{(callId is null ? "" : $" for call '{callId}'")}: {error.Message}", nameof(argumentsJson), error);
        }

        return RunDetachedJsonAsync(arguments, callId, metadata, cancellationToken);
    }

    private async ValueTask<ReadOnlyMemory<byte>> RunDetachedJsonAsync(TArguments arguments, string? callId, TaskJson metadata, CancellationToken cancellationToken)
    {
        var result = await RunDetachedAsync(arguments, callId, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(result, metadata.Result);
    }

    private async ValueTask<object?> RunDetachedAsync(TArguments arguments, string? callId, CancellationToken cancellationToken)
    {
        // The body runs under a call scope of its own, outside any execution: the calls it makes record nothing, and
        // Workflow.CurrentCall is the dispatched call's id.
        var call = new CallScope(null, -1, Name, callId is null ? HashOf(arguments) : 0, cancellationToken) { Handle = this };
        if (callId is not null)
        {
            call.UseId(callId);
        }

        Scope.Current = call;
        return await InvokeAsync(arguments, cancellationToken).ConfigureAwait(false);
    }

    private readonly record struct ArgumentsState(TaskHandle<TArguments, TResult> Handle, TArguments Arguments, TaskJson Json, int Position, bool Started);
}
