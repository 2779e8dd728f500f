
namespace Flux.Shared.Declarations.Fingerprints;

/// <summary>How one type is fingerprinted: its kind, and the types it is made of.</summary>
/// <param name="Type">The type as C# writes it, fully qualified, without nullable annotations or tuple names: one key per run-time type.</param>
/// <param name="Display">The type as a message or a doc comment shows it (<c>List&lt;Order&gt;</c>).</param>
/// <param name="Kind">How a value is written.</param>
/// <param name="Elements">The keys of the item type (sequence, set, memory), of the key and value types (dictionary, pair),
/// of the element types (tuple) or of the underlying type (nullable).</param>
/// <param name="Members">The members, in ordinal order of their names (objects only).</param>
/// <param name="IsReferenceType">True when a value may be null.</param>
/// <param name="IsExactType">True when a value is always exactly this type (a struct or a sealed class); otherwise the
/// generated encoder checks that it is not of a derived type, whose members it would miss.</param>
internal sealed record FingerprintShape(
    string Type,
    string Display,
    FingerprintKind Kind,
    EquatableArray<string> Elements,
    EquatableArray<FingerprintMember> Members,
    bool IsReferenceType,
    bool IsExactType);
