using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Flux.AspNetCore;

/// <summary>
/// Reads a request's JSON body and checks it against the type it must fit, so that bad input is answered before
/// anything is stored, with a problem that names the field: the JSON path, the type expected there and what was found.
/// </summary>
internal static class JsonInput
{
    /// <summary>The most bytes of a value a message quotes.</summary>
    private const int QuoteLength = 40;

    /// <summary>
    /// The body as one JSON value (null for an empty body), or the errors that say why it is not JSON. (A body of
    /// another media type never gets here: the endpoints accept application/json only, and routing answers 415.)
    /// </summary>
    public static async Task<(JsonElement? Value, IDictionary<string, string[]>? Errors)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0 || buffer.GetBuffer().AsSpan(0, (int)buffer.Length).Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line && error.BytePositionInLine is { } position
                ? $" (line {line + 1}, byte {position + 1})"
                : "";
            return (null, Error("$", $"The body is not valid JSON{where}: {WithoutPosition(error.Message)}"));
        }
    }

    /// <summary>Null when <paramref name="value"/> reads as <paramref name="info"/>'s type; otherwise the errors, keyed by JSON path.</summary>
    public static IDictionary<string, string[]>? Check(JsonElement value, JsonTypeInfo info)
    {
        try
        {
            _ = JsonSerializer.Deserialize(value, info);
            return null;
        }
        catch (JsonException error)
        {
            var path = string.IsNullOrEmpty(error.Path) ? "$" : error.Path;
            return Error(path, Explain(value, info, path) ?? WithoutPosition(error.Message));
        }
        catch (Exception error) when (error is NotSupportedException or InvalidOperationException or FormatException or OverflowException)
        {
            return Error("$", WithoutPosition(error.Message));
        }
    }

    /// <summary>"Order.Amount takes a decimal (a JSON number); found a JSON string: "ten"."; null when the path cannot be followed.</summary>
    private static string? Explain(JsonElement root, JsonTypeInfo info, string path)
    {
        if (Segments(path) is not { } segments)
        {
            return null;
        }

        var expected = info;
        string? member = null;
        JsonElement? found = root;
        foreach (var segment in segments)
        {
            var next = Step(expected, segment, out var name);
            if (next is null)
            {
                return null;
            }

            member = name ?? member;
            expected = next;
            found = found is { } element ? Child(element, segment) : null;
        }

        var text = $"{member ?? "The value"} takes {WithArticle(TypeNames.Of(expected.Type))} ({WorkflowJson.JsonKindOf(expected)})";
        return found is { } value ? $"{text}; found {Describe(value)}." : $"{text}.";
    }

    private static JsonTypeInfo? Step(JsonTypeInfo current, Segment segment, out string? member)
    {
        member = null;
        try
        {
            switch (current.Kind)
            {
                case JsonTypeInfoKind.Object when segment.Name is { } name:
                    var comparison = current.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                    var property = current.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison));
                    if (property is null)
                    {
                        return null;
                    }

                    member = $"{TypeNames.Of(current.Type)}.{property.Name}";
                    return current.Options.GetTypeInfo(property.PropertyType);
                case JsonTypeInfoKind.Enumerable when segment.Index is not null && current.ElementType is { } element:
                    return current.Options.GetTypeInfo(element);
                case JsonTypeInfoKind.Dictionary when segment.Name is not null && current.ElementType is { } value:
                    return current.Options.GetTypeInfo(value);
                default:
                    return null;
            }
        }
        catch (Exception error) when (error is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static JsonElement? Child(JsonElement element, Segment segment)
    {
        if (segment.Name is { } name && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property))
        {
            return property;
        }

        if (segment.Index is { } index && element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength())
        {
            return element[index];
        }

        return null;
    }

    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        var quoted = raw.Length <= QuoteLength ? raw : raw[..QuoteLength] + "...";
        return value.ValueKind switch
        {
            JsonValueKind.Null => "null",
            JsonValueKind.True or JsonValueKind.False => $"JSON {raw}",
            JsonValueKind.String => $"a JSON string: {quoted}",
            JsonValueKind.Number => $"a JSON number: {quoted}",
            JsonValueKind.Array => $"a JSON array of {value.GetArrayLength()} item(s)",
            JsonValueKind.Object => "a JSON object",
            _ => quoted,
        };
    }

    private static string WithArticle(string typeName) =>
        typeName.Length > 0 && "aeiouAEIOU".Contains(typeName[0], StringComparison.Ordinal) ? $"an {typeName}" : $"a {typeName}";

    /// <summary>A JSON path as System.Text.Json writes it (<c>$.Lines[2].Sku</c>, <c>$['odd.name']</c>); null when it cannot be read.</summary>
    private static List<Segment>? Segments(string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        var segments = new List<Segment>();
        var at = 1;
        while (at < path.Length)
        {
            if (path[at] == '.')
            {
                var end = at + 1;
                while (end < path.Length && path[end] is not '.' and not '[')
                {
                    end++;
                }

                segments.Add(new Segment(path[(at + 1)..end], null));
                at = end;
            }
            else if (path.AsSpan(at).StartsWith("['"))
            {
                var end = path.IndexOf("']", at + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                segments.Add(new Segment(path[(at + 2)..end], null));
                at = end + 2;
            }
            else if (path[at] == '[')
            {
                var end = path.IndexOf(']', at);
                if (end < 0 || !int.TryParse(path.AsSpan(at + 1, end - at - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                segments.Add(new Segment(null, index));
                at = end + 1;
            }
            else
            {
                return null;
            }
        }

        return segments;
    }

    /// <summary>System.Text.Json's message without its " Path: ... | LineNumber: ..." tail, which the problem's key already gives.</summary>
    public static string WithoutPosition(string message)
    {
        foreach (var marker in (ReadOnlySpan<string>)[" Path: ", " LineNumber: "])
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd(' ', '|');
    }

    public static Dictionary<string, string[]> Error(string key, string message) => new(StringComparer.Ordinal) { [key] = [message] };

    private readonly record struct Segment(string? Name, int? Index);
}
