using Flux.Shared.Declarations;

namespace Flux.Generators.Workflows.FluentDiagrams;

/// <summary>
/// A fluent graph a workflow runs, as its builder calls name it: all a diagram is drawn from. It is read at every
/// keystroke (with the names resolved), but compared by value, so the diagram is drawn again only when it changes.
/// </summary>
/// <param name="Name">The graph's name.</param>
/// <param name="Calls">The builder calls, in the order they run.</param>
internal sealed record GraphSketch(string Name, EquatableArray<GraphCallSketch> Calls);

/// <summary>One builder call of a <see cref="GraphSketch"/>.</summary>
/// <param name="Kind">AddNode, AddEdge, StartWith or EndWith.</param>
/// <param name="Name">The node's name, or the edge's upstream node.</param>
/// <param name="To">The edge's downstream node.</param>
/// <param name="HasCondition">True for an edge with a condition.</param>
/// <param name="Description">How the condition reads in the diagram.</param>
internal sealed record GraphCallSketch(Flux.Shared.Declarations.FluentGraphs.FluentCallKind Kind, string Name, string? To, bool HasCondition, string? Description);
