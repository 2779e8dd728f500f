using System;
using System.Collections.Generic;
using Flux.Shared.Diagnostics;

namespace Flux.Shared.Graphs.Validation;

// Compiled into Flux.Runtime (TType = System.Type) and into the compiler parts (TType = ITypeSymbol), so a graph is
// judged by one implementation at build time and at run time. netstandard2.0-clean, internal, no Flux.Runtime types.

/// <summary>The graph rules FLUX001-FLUX010, each in its own file, applied in code order to a <see cref="GraphShape{TType}"/>.</summary>
/// <remarks>
/// <para>What a node receives (its inputs), in order: the graph's input when it is a start node, then the output of
/// the upstream node of each incoming edge, in the order the edges were added. A node takes exactly one parameter per
/// input (see <see cref="InputRule"/>).</para>
/// <para>Violations come in code order (FLUX001 first), and within a code in call order.</para>
/// <para><b>A graph that may be extended later</b> (one that leaves the code that builds it: returned, stored, passed
/// on) is judged by what no later call can repair: a duplicate node (FLUX004), a cycle (FLUX005), an edge, a condition
/// or a join whose types do not fit (FLUX008-FLUX010). The rules a later call could repair (FLUX001-FLUX003, FLUX006,
/// FLUX007, and a join that takes more parameters than it has inputs so far) wait until the graph says it is complete:
/// until it has a <c>StartWith</c> or an <c>EndWith</c>. A graph that is built or run is complete.</para>
/// <para><b>One typo, one error.</b> A violation that only follows from another is not reported beside it: a name that
/// was not added (FLUX003) could be any node, so the reachability it hides (FLUX006, FLUX007) and the inputs it
/// withholds (a join with too few inputs) are not judged.</para>
/// </remarks>
internal static class GraphValidation
{
    /// <summary>The entry of the diagnostic table of every rule, in the order violations are reported (FLUX001-FLUX010).</summary>
    public static readonly IReadOnlyList<FluxDiagnostic> Diagnostics = new[]
    {
        FluxDiagnostics.GraphHasNoStart,
        FluxDiagnostics.GraphHasNoEnd,
        FluxDiagnostics.GraphUnknownNode,
        FluxDiagnostics.GraphDuplicateNode,
        FluxDiagnostics.GraphCycle,
        FluxDiagnostics.GraphUnreachableNode,
        FluxDiagnostics.GraphDeadEnd,
        FluxDiagnostics.GraphEdgeTypeMismatch,
        FluxDiagnostics.GraphConditionTypeMismatch,
        FluxDiagnostics.GraphJoinMismatch,
    };

    /// <summary>Checks every rule and returns every violation, in code order; empty when the graph is valid.</summary>
    /// <param name="shape">The graph.</param>
    /// <param name="fits">Whether a value of the first type can be passed where the second is expected.</param>
    /// <param name="display">How a type is named in messages.</param>
    /// <param name="mayBeExtended">
    /// True for a graph that leaves the code that builds it (returned, stored, passed on), which a later call may
    /// complete; false for a graph that is built or run here.
    /// </param>
    public static IReadOnlyList<GraphViolation> Validate<TType>(
        GraphShape<TType> shape,
        Func<TType, TType, bool> fits,
        Func<TType, string> display,
        bool mayBeExtended = false)
        where TType : class
    {
        if (shape is null)
        {
            throw new ArgumentNullException(nameof(shape));
        }

        var check = new GraphCheck<TType>(shape, fits, display, IsPartial(shape, mayBeExtended));
        StartAndEndRule.Check(check);
        UnknownNodeRule.Check(check);
        DuplicateNodeRule.Check(check);
        CycleRule.Check(check);
        ReachabilityRule.Check(check);
        InputRule.Check(check);
        ConditionRule.Check(check);
        return check.Violations();
    }

    /// <summary>
    /// Whether the graph is judged as a part of a graph: it may be extended later and does not say it is complete
    /// (it has no <c>StartWith</c> and no <c>EndWith</c>).
    /// </summary>
    public static bool IsPartial<TType>(GraphShape<TType> shape, bool mayBeExtended)
        where TType : class =>
        mayBeExtended && shape.Starts.Count == 0 && shape.Ends.Count == 0;
}
