using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Flux.CommandLine;

/// <summary>How the human-readable output writes times, durations, states and example inputs.</summary>
internal static class Format
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z";

    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1 => $"{duration.TotalMicroseconds.ToString("0", CultureInfo.InvariantCulture)} µs",
        < 1000 => $"{duration.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture)} ms",
        < 60_000 => $"{duration.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s",
        _ => duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture),
    };

    /// <summary>A type's name without its namespace: <c>TaskFailedException</c>.</summary>
    public static string ShortType(string? type) => type is null ? "" : type[(type.LastIndexOf('.') + 1)..];

    /// <summary>A state as Spectre markup, coloured by what it means.</summary>
    public static string State(ExecutionState state) => state switch
    {
        ExecutionState.Succeeded => "[green]Succeeded[/]",
        ExecutionState.Failed => "[red]Failed[/]",
        ExecutionState.Paused => "[blue]Paused[/]",
        ExecutionState.Cancelled => "[yellow]Cancelled[/]",
        _ => state.ToString(),
    };

    /// <summary>A JSON value of <paramref name="type"/> to show in a message: <c>"text"</c>, <c>42</c>, <c>["text"]</c>, <c>{"Name": ...}</c>.</summary>
    public static string ExampleJson(Type type) => Example(Nullable.GetUnderlyingType(type) ?? type, depth: 0);

    private static string Example(Type type, int depth)
    {
        if (type == typeof(string) || type == typeof(char) || type == typeof(Guid))
        {
            return "\"text\"";
        }

        if (type == typeof(bool))
        {
            return "true";
        }

        if (type.IsEnum)
        {
            return $"\"{Enum.GetNames(type).FirstOrDefault()}\"";
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return "42";
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "\"2026-01-31T12:00:00Z\"";
        }

        if (type.IsArray)
        {
            return $"[{Example(type.GetElementType()!, depth + 1)}]";
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType && type.GetGenericArguments() is [var item])
        {
            return $"[{Example(item, depth + 1)}]";
        }

        if (depth > 1)
        {
            return "{}";
        }

        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Take(4).ToArray();
        return members.Length == 0 ? "{}" : "{" + string.Join(", ", members.Select(p => $"\"{p.Name}\": {Example(p.PropertyType, depth + 1)}")) + "}";
    }
}
