using System.Text.Json.Serialization;

namespace Flux.Durable.Tests.Support;

public sealed record Order(string Id, decimal Amount);

public sealed record Receipt(string OrderId, decimal Charged, string By);

public sealed record Decision(bool Approved, string By);

/// <summary>A type the test JSON context has no metadata for.</summary>
public sealed record Secret(string Value);

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(Decision))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<int>))]
internal sealed partial class TestJson : JsonSerializerContext
{
}
