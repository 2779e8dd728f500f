namespace Flux.Shared.Diagnostics;

/// <summary>The categories of Flux diagnostics, one per ID range (see <see cref="DiagnosticIds"/>).</summary>
internal static class DiagnosticCategories
{
    /// <summary>FLUX001-099: graph validation.</summary>
    public const string Graph = "Flux.Graph";

    /// <summary>FLUX101-199: how tasks and workflows are declared.</summary>
    public const string Authoring = "Flux.Authoring";

    /// <summary>FLUX201-299: determinism of workflow bodies.</summary>
    public const string Determinism = "Flux.Determinism";

    /// <summary>FLUX301-399: how tasks are used from workflows.</summary>
    public const string Usage = "Flux.Usage";
}
