using System;
using System.Collections.Generic;
using System.Globalization;
using Flux.Shared.Diagnostics;

namespace Flux.Shared.Graphs.Validation;

/// <summary>One validation of one graph: what every rule reads (the shape, its index, how types fit) and where it reports.</summary>
internal sealed class GraphCheck<TType>
    where TType : class
{
    private readonly List<GraphViolation>[] _found;

    public GraphCheck(GraphShape<TType> shape, Func<TType, TType, bool> fits, Func<TType, string> display, bool isPartial)
    {
        Shape = shape;
        Index = new GraphIndex<TType>(shape);
        Fits = fits;
        Display = display;
        IsPartial = isPartial;
        _found = new List<GraphViolation>[GraphValidation.Diagnostics.Count];
        for (var i = 0; i < _found.Length; i++)
        {
            _found[i] = new List<GraphViolation>();
        }
    }

    /// <summary>The graph as written.</summary>
    public GraphShape<TType> Shape { get; }

    /// <summary>The graph as indexes.</summary>
    public GraphIndex<TType> Index { get; }

    /// <summary>Whether a value of the first type can be passed where the second is expected.</summary>
    public Func<TType, TType, bool> Fits { get; }

    /// <summary>How a type is named in messages.</summary>
    public Func<TType, string> Display { get; }

    /// <summary>True when only the rules that no later call can repair apply (see <see cref="GraphValidation.IsPartial"/>).</summary>
    public bool IsPartial { get; }

    /// <summary>The graph's name, the first argument of every message.</summary>
    public string Name => Shape.Name;

    /// <summary>Records a violation of <paramref name="diagnostic"/> at the <paramref name="index"/>-th call of kind <paramref name="target"/>.</summary>
    public void Report(FluxDiagnostic diagnostic, GraphViolationTarget target, int index, params string[] arguments)
    {
        var code = int.Parse(diagnostic.Id.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture);
        _found[code - 1].Add(new GraphViolation(diagnostic, arguments, target, index));
    }

    /// <summary>Every violation, in code order, and within a code in the order the rules found them.</summary>
    public IReadOnlyList<GraphViolation> Violations()
    {
        var all = new List<GraphViolation>();
        foreach (var list in _found)
        {
            all.AddRange(list);
        }

        return all;
    }
}
