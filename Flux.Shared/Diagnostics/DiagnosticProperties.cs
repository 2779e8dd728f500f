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

    /// <summary>FLUX201-FLUX205: which <c>Workflow.*</c> rewrite the code fix makes (one of the <c>Fix*</c> values); absent when none fits.</summary>
    public const string DeterminismFix = "DeterminismFix";

    /// <summary>FLUX201: <c>DateTimeOffset.UtcNow</c> becomes <c>await Workflow.Now()</c>.</summary>
    public const string FixNow = "Now";

    /// <summary>FLUX201: <c>DateTimeOffset.Now</c> becomes <c>(await Workflow.Now()).ToLocalTime()</c>.</summary>
    public const string FixNowLocal = "NowLocal";

    /// <summary>FLUX201: <c>DateTime.UtcNow</c> becomes <c>(await Workflow.Now()).UtcDateTime</c>.</summary>
    public const string FixUtcDateTime = "UtcDateTime";

    /// <summary>FLUX201: <c>DateTime.Now</c> becomes <c>(await Workflow.Now()).LocalDateTime</c>.</summary>
    public const string FixLocalDateTime = "LocalDateTime";

    /// <summary>FLUX201: <c>DateTime.Today</c> becomes <c>(await Workflow.Now()).LocalDateTime.Date</c>.</summary>
    public const string FixToday = "Today";

    /// <summary>FLUX202: <c>Guid.NewGuid()</c> becomes <c>await Workflow.NewGuid()</c>.</summary>
    public const string FixNewGuid = "NewGuid";

    /// <summary>FLUX203: <c>Random.Shared.NextDouble()</c> becomes <c>await Workflow.Random()</c>.</summary>
    public const string FixRandom = "Random";

    /// <summary>FLUX204: <c>Task.Delay(d)</c> / <c>Thread.Sleep(d)</c> with a TimeSpan becomes <c>Workflow.Sleep(d)</c>.</summary>
    public const string FixSleep = "Sleep";

    /// <summary>FLUX204: <c>Task.Delay(ms)</c> / <c>Thread.Sleep(ms)</c> becomes <c>Workflow.Sleep(TimeSpan.FromMilliseconds(ms))</c>.</summary>
    public const string FixSleepMilliseconds = "SleepMilliseconds";

    /// <summary>FLUX205: <c>Task.WhenAll(a.RunAsync().AsTask(), ...)</c> becomes <c>Workflow.Parallel(a, ...)</c>.</summary>
    public const string FixParallel = "Parallel";
}
