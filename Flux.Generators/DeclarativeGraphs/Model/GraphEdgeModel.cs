using Flux.Shared.Declarations;

namespace Flux.Generators.DeclarativeGraphs.Model;

/// <summary>One edge of a declarative graph.</summary>
/// <param name="From">The index of the upstream node.</param>
/// <param name="To">The index of the downstream node.</param>
/// <param name="Router">The kind of condition.</param>
/// <param name="Condition">The condition or router method as the body calls it (<c>IsValid</c>), or null.</param>
/// <param name="Cases">For an enum router, the cases that take the edge, as C# (<c>global::Demo.Verdict.Valid</c>); empty otherwise.</param>
/// <param name="ArgumentForgivesNull">True when the upstream output may be null but the downstream parameter is not nullable.</param>
/// <param name="ConditionForgivesNull">The same, for the condition's parameter.</param>
internal sealed record GraphEdgeModel(
    int From,
    int To,
    RouterKind Router,
    string? Condition,
    EquatableArray<string> Cases,
    bool ArgumentForgivesNull,
    bool ConditionForgivesNull);

/// <summary>How an edge is chosen.</summary>
internal enum RouterKind
{
    /// <summary>Always taken once its upstream node ran.</summary>
    None,

    /// <summary>Taken when a <c>bool</c> condition holds for the upstream output.</summary>
    Condition,

    /// <summary>Taken when an enum router returns the edge's case.</summary>
    EnumCase,
}
