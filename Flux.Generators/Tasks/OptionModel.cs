namespace Flux.Generators.Tasks;

/// <summary>One <c>TaskOptions</c> property the attribute sets, as C# text.</summary>
/// <param name="Property">The property name (<c>RetryDelay</c>).</param>
/// <param name="Value">Its value as C# text (<c>global::System.TimeSpan.FromTicks(5000000)</c>).</param>
/// <param name="Comment">What the user wrote, when the value is not obvious from <paramref name="Value"/> (<c>500ms</c>).</param>
internal sealed record OptionModel(string Property, string Value, string? Comment);
