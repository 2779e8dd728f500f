using System.Text.Json;

namespace Flux.CommandLine;

/// <summary>Reads <c>--input &lt;json|@file&gt;</c>: JSON text, <c>@path</c> for a file's JSON, or <c>@-</c> for standard input's.</summary>
internal static class InputReader
{
    public static JsonElement? Read(string? text, string option, TextReader standardInput)
    {
        if (text is null)
        {
            return null;
        }

        string json;
        string source;
        if (text == "@-")
        {
            json = standardInput.ReadToEnd();
            source = $"{option} @- (standard input)";
        }
        else if (text.StartsWith('@'))
        {
            var path = text[1..];
            if (!File.Exists(path))
            {
                throw CommandLineError.BadInput(
                    $"The input file '{path}' does not exist ({option} {text}, looked for {Path.GetFullPath(path)}): give an existing file after '@', or the JSON itself.");
            }

            json = File.ReadAllText(path);
            source = $"{option} {text}";
        }
        else
        {
            json = text;
            source = option;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw CommandLineError.BadInput(
                $"{source} is not valid JSON ({error.Message}): quote it for the shell, for example {option} '\"Joe\"', {option} '42' or {option} '[\"a\",\"b\"]', or give a file with {option} @input.json.");
        }
    }
}
