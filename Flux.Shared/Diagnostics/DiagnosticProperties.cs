namespace Flux.Shared.Diagnostics;

/// <summary>The keys and values of the properties the analyzers attach to a diagnostic for its code fix.</summary>
internal static class DiagnosticProperties
{
    /// <summary>
    /// FLUX001 (FLUX002): the one node without an incoming (outgoing) edge, present only when there is exactly one
    /// such node, so that the fix can add <c>StartWith</c> (<c>EndWith</c>) for it.
    /// </summary>
    public const string CandidateNode = "CandidateNode";

    /// <summary>FLUX101: <see cref="NotPartial"/> (fixable by adding <c>partial</c>) or <see cref="NotAClass"/>.</summary>
    public const string TypeProblem = "Problem";

    /// <summary>FLUX101: the type is a class without the <c>partial</c> modifier.</summary>
    public const string NotPartial = "NotPartial";

    /// <summary>FLUX101: the type is a struct, interface, file-local or another kind the generator cannot extend (no automatic fix).</summary>
    public const string NotAClass = "NotAClass";

    /// <summary>FLUX103: the generated name that collides.</summary>
    public const string GeneratedName = "GeneratedName";
}
