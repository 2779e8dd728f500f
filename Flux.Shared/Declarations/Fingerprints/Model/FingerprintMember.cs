namespace Flux.Shared.Declarations.Fingerprints;

/// <summary>A readable member of an object the generator writes by value.</summary>
/// <param name="Name">The member's name, as the encoding writes it.</param>
/// <param name="Access">The member's name as C# reads it (escaped when it is a keyword).</param>
/// <param name="Type">The key of the member type's <see cref="FingerprintShape"/>.</param>
internal sealed record FingerprintMember(string Name, string Access, string Type);
