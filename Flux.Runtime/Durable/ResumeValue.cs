using System.Text.Json;

namespace Flux;

/// <summary>
/// The value a resume hands to the pause that parked the run: the object itself when the resumer is in this process
/// (what <see cref="Workflow.Pause{T}(string)"/> returns, converted if it is JSON), and its JSON for the log.
/// </summary>
internal abstract class ResumeValue
{
    /// <summary>A resume without a value: the pause returns <c>default</c>.</summary>
    public static ResumeValue None { get; } = new ResumeValue<object?>(null);

    /// <summary>The value, as the resumer gave it.</summary>
    public abstract object? Value { get; }

    public static ResumeValue Of<T>(T value) => new ResumeValue<T>(value);

    /// <summary>The value as JSON for the log; null for no value.</summary>
    public abstract byte[]? ToJson(JsonSerializerOptions json);

    /// <summary>The value as the pause's type.</summary>
    /// <exception cref="PayloadSerializationException">The value does not convert to <typeparamref name="T"/>.</exception>
    public T As<T>(JsonSerializerOptions? json, string pauseName)
    {
        var value = Value;
        if (value is T typed)
        {
            return typed;
        }

        if (value is null)
        {
            return default!;
        }

        var options = json ?? PayloadJson.ReflectionDefault;
        var info = PayloadJson.TypeInfo<T>(options, () => $"Pause '{pauseName}' returns");
        try
        {
            var bytes = value is JsonElement element ? JsonSerializer.SerializeToUtf8Bytes(element, BuiltinJson.Default.JsonElement) : ToJson(options)!;
            return JsonSerializer.Deserialize(bytes, info)!;
        }
        catch (Exception error) when (error is JsonException or NotSupportedException)
        {
            throw PayloadJson.Unreadable(typeof(T), $"The value the execution was resumed with, for pause '{pauseName}',", error);
        }
    }
}

/// <summary>A resume value of a known type.</summary>
internal sealed class ResumeValue<TValue>(TValue value) : ResumeValue
{
    public override object? Value => value;

    public override byte[]? ToJson(JsonSerializerOptions json)
    {
        if (value is null)
        {
            return null;
        }

        if (value is JsonElement element)
        {
            return JsonSerializer.SerializeToUtf8Bytes(element, BuiltinJson.Default.JsonElement);
        }

        var type = typeof(TValue) == typeof(object) ? value.GetType() : typeof(TValue);
        var info = PayloadJson.TryGetTypeInfo(type, json, out var error)
            ?? throw PayloadJson.NoMetadata(type, "The execution was resumed with", error);
        return JsonSerializer.SerializeToUtf8Bytes(value, info);
    }
}

/// <summary>A resume value read back from the log (a resume that a crash interrupted before the pause took it).</summary>
internal sealed class StoredResumeValue(byte[]? json) : ResumeValue
{
    public override object? Value => json is null ? null : JsonSerializer.Deserialize(json, BuiltinJson.Default.JsonElement);

    public override byte[]? ToJson(JsonSerializerOptions options) => json;
}
