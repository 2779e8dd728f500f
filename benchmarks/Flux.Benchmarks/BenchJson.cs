using System.Text.Json.Serialization;

namespace Flux.Benchmarks;

/// <summary>The benchmarks' JSON metadata for durable runs (their values are primitives, which Flux covers itself).</summary>
[JsonSerializable(typeof(int[]))]
internal sealed partial class BenchJson : JsonSerializerContext
{
}
