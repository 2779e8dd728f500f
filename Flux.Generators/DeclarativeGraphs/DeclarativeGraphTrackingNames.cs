namespace Flux.Generators.DeclarativeGraphs;

/// <summary>The names of the declarative graph generator's pipeline steps, for <c>WithTrackingName</c> and the incrementality tests.</summary>
internal static class DeclarativeGraphTrackingNames
{
    /// <summary>The <c>[Workflow]</c> partial methods without a body, parsed (null for one the generator skips).</summary>
    public const string DeclarativeGraphs = nameof(DeclarativeGraphs);

    /// <summary>The declarative graphs the generator implements.</summary>
    public const string ValidDeclarativeGraphs = nameof(ValidDeclarativeGraphs);
}
