using System.Text;
using System.Text.Json;

namespace Flux.Orleans.Tests;

/// <summary>Writes arguments and reads results the way the engine will.</summary>
public static class Json
{
    public static byte[] Arguments(params object?[] arguments) => JsonSerializer.SerializeToUtf8Bytes(arguments);

    public static T Read<T>(ReadOnlyMemory<byte> json) => JsonSerializer.Deserialize<T>(json.Span)!;

    public static string Text(ReadOnlyMemory<byte> json) => Encoding.UTF8.GetString(json.Span);
}
