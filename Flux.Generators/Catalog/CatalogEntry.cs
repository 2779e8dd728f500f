using Flux.Shared.Declarations;

namespace Flux.Generators.Catalog;

/// <summary>
/// The small, body-independent facts about one task or workflow that the catalog and the duplicate checks need.
/// </summary>
/// <param name="Kind">Task or workflow.</param>
/// <param name="TypeKey">The containing type's fully qualified name: names generated into one type must be distinct.</param>
/// <param name="RuntimeName">The name in events and the catalog.</param>
/// <param name="GeneratedNames">The members the generator adds to the containing type for this method.</param>
/// <param name="Access">The expression that reaches the static handle (<c>global::Demo.Greetings.SayHiTask</c>).</param>
/// <param name="InCatalog">True when the catalog lists the handle itself: a static handle the catalog can reach.</param>
internal sealed record CatalogEntry(
    FluxKind Kind,
    string TypeKey,
    string RuntimeName,
    EquatableArray<string> GeneratedNames,
    string Access,
    bool InCatalog);
