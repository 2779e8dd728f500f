using Flux.Shared.Declarations;

namespace Flux.Generators.DeclarativeGraphs.Model;

/// <summary>
/// The body of a valid declarative graph, decided by <see cref="DeclarativeBodyPlanner"/> before any text is written:
/// in which order nodes are started, awaited or run at once, where enum routers switch, what each skippable node's run
/// depends on, and which end node's output is the result. The emitter only writes it.
/// </summary>
/// <param name="Steps">The statements, in order.</param>
/// <param name="Always">Per node: true when it runs whenever the graph runs (no condition or route on any way to it).</param>
/// <param name="RunsWhen">Per node that can be skipped: what must hold for it to run (all of it); empty for the others.</param>
/// <param name="EdgeFlags">Per edge taken by an enum route: the local the route sets; empty for the others.</param>
/// <param name="Ends">The end nodes, in declaration order.</param>
/// <param name="AlwaysEnd">The first end node that always runs, or -1.</param>
internal sealed record BodyPlan(
    EquatableArray<BodyStep> Steps,
    EquatableArray<bool> Always,
    EquatableArray<RunsCondition> RunsWhen,
    EquatableArray<string> EdgeFlags,
    EquatableArray<int> Ends,
    int AlwaysEnd);

/// <summary>What a statement of the body does.</summary>
internal enum BodyStepKind
{
    /// <summary>Start the node's call and keep its task, to await it later (independent branches run together).</summary>
    Start,

    /// <summary>Await the call a <see cref="Start"/> began.</summary>
    Await,

    /// <summary>Start the node's call and await it at once (nothing else could start in between).</summary>
    Run,

    /// <summary>After the node ran: switch on an enum router and set the flags of the edges it takes.</summary>
    Route,
}

/// <summary>One statement of the body.</summary>
/// <param name="Kind">What it does.</param>
/// <param name="Node">The node it concerns (for a route, the upstream node).</param>
/// <param name="Router">For a route: the router as the body calls it; empty otherwise.</param>
/// <param name="Edges">For a route: the edges it chooses from, in edge order; empty otherwise.</param>
/// <param name="Sections">For a route: the switch's sections, in the order the edges name their cases.</param>
/// <param name="RouterForgivesNull">For a route: pass the upstream output to the router with <c>!</c>.</param>
internal sealed record BodyStep(
    BodyStepKind Kind,
    int Node,
    string Router,
    EquatableArray<int> Edges,
    EquatableArray<RouteSection> Sections,
    bool RouterForgivesNull);

/// <summary>One section of a route's switch: its cases, and the edges (by index) they take.</summary>
internal sealed record RouteSection(EquatableArray<string> Cases, EquatableArray<int> Edges);

/// <summary>
/// What a skippable node needs to run: every incoming edge taken, as the runtime defines it. A node whose one incoming
/// edge is routed has its <c>Runs</c> local set by the route itself (<see cref="SetByRoute"/>): nothing to compute.
/// </summary>
/// <param name="SetByRoute">True when a route sets the node's <c>Runs</c> local directly.</param>
/// <param name="Terms">The conjunction, in edge order.</param>
internal sealed record RunsCondition(bool SetByRoute, EquatableArray<RunsTerm> Terms);

/// <summary>One term of a <see cref="RunsCondition"/>.</summary>
/// <param name="Kind">What it tests.</param>
/// <param name="Edge">The incoming edge it is about.</param>
internal sealed record RunsTerm(RunsTermKind Kind, int Edge);

/// <summary>What a <see cref="RunsTerm"/> tests.</summary>
internal enum RunsTermKind
{
    /// <summary>The edge's upstream node ran (it can be skipped itself).</summary>
    UpstreamRan,

    /// <summary>The edge's <c>bool</c> condition holds (after its upstream ran, when that can be skipped).</summary>
    Condition,

    /// <summary>An enum route took the edge (its flag).</summary>
    Routed,
}
