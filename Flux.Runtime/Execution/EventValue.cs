using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// How an event keeps its value: a small unmanaged value (an <c>int</c>, a <c>double</c>, a <c>DateTime</c>, an enum: at
/// most eight bytes, no references) is kept inline in the event and boxed only when <see cref="ExecutionEvent.Value"/> is
/// read, so the log of a million int calls keeps no million boxes alive for the garbage collector to mark. Anything
/// else is kept as the object it is.
/// </summary>
internal static class EventValue
{
    /// <summary>The object the event keeps for <paramref name="value"/>, and the bits of an inline value.</summary>
    public static object? Of<T>(T value, out ulong bits)
    {
        bits = 0;
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>() && Unsafe.SizeOf<T>() <= sizeof(ulong))
        {
            Unsafe.As<ulong, T>(ref bits) = value;
            return Inline<T>.Instance;
        }

        return value;
    }

    /// <summary>True when <paramref name="kept"/> marks a value kept inline (one shared marker per type).</summary>
    public static bool IsInline(object kept) => kept is InlineValue;

    /// <summary>The value an event kept: boxed now if it was kept inline; the JSON of an event loaded from a store.</summary>
    public static object? Read(object? kept, ulong bits) => kept switch
    {
        InlineValue inline => inline.Box(bits),
        StoredPayload stored => stored.ToJsonElement(),
        _ => kept,
    };

    /// <summary>Marks an inline value and knows how to box it; one shared instance per type.</summary>
    private abstract class InlineValue
    {
        public abstract object? Box(ulong bits);
    }

    private sealed class Inline<T> : InlineValue
    {
        public static readonly Inline<T> Instance = new();

        public override object? Box(ulong bits) => Unsafe.As<ulong, T>(ref bits);
    }
}

/// <summary>The value of an event loaded from a store: its JSON, parsed when read.</summary>
internal sealed class StoredPayload(byte[] json)
{
    public byte[] Json { get; } = json;

    public System.Text.Json.JsonElement ToJsonElement() =>
        System.Text.Json.JsonSerializer.Deserialize(Json, BuiltinJson.Default.JsonElement);
}
