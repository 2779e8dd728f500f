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
/// <param name="Workflow">What a workflow's descriptor is made of, when the catalog can reach its handle (static or instance); null for a task.</param>
internal sealed record CatalogEntry(
    FluxKind Kind,
    string TypeKey,
    string RuntimeName,
    EquatableArray<string> GeneratedNames,
    string Access,
    bool InCatalog,
    WorkflowDescription? Workflow = null);

/// <summary>What the catalog's <c>WorkflowDescriptor</c> of a workflow is made of.</summary>
/// <param name="IsStatic">True for a static workflow, described by its one handle; false for an instance workflow, bound to an instance of <c>TypeKey</c>.</param>
/// <param name="Property">The handle property, <c>{W}Workflow</c>.</param>
/// <param name="InputType">The input type as <c>typeof</c> takes it.</param>
/// <param name="OutputType">The output type as <c>typeof</c> takes it.</param>
/// <param name="Diagram">The diagram constant (<c>global::Demo.Orders.ShipDiagram</c>), when the workflow has one.</param>
internal sealed record WorkflowDescription(bool IsStatic, string Property, string InputType, string OutputType, string? Diagram);
