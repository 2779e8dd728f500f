using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Flux.AspNetCore;

/// <summary>Reads query parameters, with an error keyed by the parameter's name for a value that does not fit.</summary>
internal static class Parse
{
    /// <summary>A value, or the errors that say why the parameter could not be read.</summary>
    public readonly record struct Result<T>(T Value, IDictionary<string, string[]>? Errors);

    /// <summary><c>?wait</c>, <c>?wait=true</c> or <c>?wait=false</c>; false when absent.</summary>
    public static Result<bool> Flag(IEnumerable<KeyValuePair<string, StringValues>> query, string name)
    {
        if (Find(query, name) is not { } text)
        {
            return new(false, null);
        }

        if (text.Length == 0)
        {
            return new(true, null);
        }

        return bool.TryParse(text, out var value)
            ? new(value, null)
            : new(false, JsonInput.Error(name, $"'{name}' takes true or false; found '{text}'."));
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="absent"/> when the parameter is not given.</summary>
    public static Result<long> Number(IEnumerable<KeyValuePair<string, StringValues>> query, string name, long min, long max, long absent)
    {
        if (Find(query, name) is not { } text)
        {
            return new(absent, null);
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? new(value, null)
            : new(absent, JsonInput.Error(name, $"'{name}' takes a whole number from {min} to {max}; found '{text}'."));
    }

    /// <summary>States, repeated (<c>?state=Running&amp;state=Paused</c>) or comma-separated, any case; null when absent.</summary>
    public static Result<IReadOnlyList<ExecutionState>?> States(IEnumerable<KeyValuePair<string, StringValues>> query, string name)
    {
        var values = query.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        var states = new List<ExecutionState>();
        foreach (var text in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!Enum.TryParse<ExecutionState>(text, ignoreCase: true, out var state) || !Enum.IsDefined(state) || char.IsAsciiDigit(text[0]))
            {
                return new(null, JsonInput.Error(name, $"'{name}' takes {string.Join(", ", Enum.GetNames<ExecutionState>())}; found '{text}'."));
            }

            states.Add(state);
        }

        return new(states.Count == 0 ? null : states.Distinct().ToArray(), null);
    }

    /// <summary>All the errors of several parameters, or null when there are none.</summary>
    public static IDictionary<string, string[]>? Merge(params IDictionary<string, string[]>?[] errors)
    {
        var all = errors.Where(e => e is not null).SelectMany(e => e!).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return all.Count == 0 ? null : all;
    }

    private static string? Find(IEnumerable<KeyValuePair<string, StringValues>> query, string name)
    {
        foreach (var (key, value) in query)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value.ToString();
            }
        }

        return null;
    }
}
