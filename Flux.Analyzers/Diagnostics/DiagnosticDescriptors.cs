using System.Collections.Generic;
using System.Collections.Immutable;
using Flux.Shared.Declarations;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Flux.Analyzers;

/// <summary>
/// Every Flux diagnostic descriptor, made from the shared table (<see cref="FluxDiagnostics"/>, in Flux.Shared) that the
/// runtime formats its messages with. A new rule adds its id to <see cref="DiagnosticIds"/>, its entry to the table, a
/// descriptor here, a line in AnalyzerReleases.Unshipped.md and a page docs/diagnostics/FLUXnnn.md (tests check each).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string HelpLinkBase = "https://github.com/flux-dotnet/flux/blob/main/docs/diagnostics/";

    // ---- FLUX001-099: graph validation ----------------------------------------------------------------------------

    public static readonly DiagnosticDescriptor GraphHasNoStart = Create(DiagnosticIds.GraphHasNoStart, FluxDiagnostics.GraphHasNoStart);

    public static readonly DiagnosticDescriptor GraphHasNoEnd = Create(DiagnosticIds.GraphHasNoEnd, FluxDiagnostics.GraphHasNoEnd);

    public static readonly DiagnosticDescriptor GraphUnknownNode = Create(DiagnosticIds.GraphUnknownNode, FluxDiagnostics.GraphUnknownNode);

    public static readonly DiagnosticDescriptor GraphDuplicateNode = Create(DiagnosticIds.GraphDuplicateNode, FluxDiagnostics.GraphDuplicateNode);

    public static readonly DiagnosticDescriptor GraphCycle = Create(DiagnosticIds.GraphCycle, FluxDiagnostics.GraphCycle);

    public static readonly DiagnosticDescriptor GraphUnreachableNode = Create(DiagnosticIds.GraphUnreachableNode, FluxDiagnostics.GraphUnreachableNode);

    public static readonly DiagnosticDescriptor GraphDeadEnd = Create(DiagnosticIds.GraphDeadEnd, FluxDiagnostics.GraphDeadEnd);

    public static readonly DiagnosticDescriptor GraphEdgeTypeMismatch = Create(DiagnosticIds.GraphEdgeTypeMismatch, FluxDiagnostics.GraphEdgeTypeMismatch);

    public static readonly DiagnosticDescriptor GraphConditionTypeMismatch = Create(DiagnosticIds.GraphConditionTypeMismatch, FluxDiagnostics.GraphConditionTypeMismatch);

    public static readonly DiagnosticDescriptor GraphJoinMismatch = Create(DiagnosticIds.GraphJoinMismatch, FluxDiagnostics.GraphJoinMismatch);

    public static readonly DiagnosticDescriptor GraphRouteNotExhaustive = Create(DiagnosticIds.GraphRouteNotExhaustive, FluxDiagnostics.GraphRouteNotExhaustive);

    // ---- FLUX101-199: authoring ---------------------------------------------------------------------------------------

    public static readonly DiagnosticDescriptor TypeNotPartial = Create(DiagnosticIds.TypeNotPartial, FluxDiagnostics.TypeNotPartial);

    public static readonly DiagnosticDescriptor UnsupportedTaskSignature = Create(DiagnosticIds.UnsupportedTaskSignature, FluxDiagnostics.UnsupportedTaskSignature);

    public static readonly DiagnosticDescriptor GeneratedNameCollision = Create(DiagnosticIds.GeneratedNameCollision, FluxDiagnostics.GeneratedNameCollision);

    public static readonly DiagnosticDescriptor InvalidWorkflowSignature = Create(DiagnosticIds.InvalidWorkflowSignature, FluxDiagnostics.InvalidWorkflowSignature);

    public static readonly DiagnosticDescriptor InvalidTaskOption = Create(DiagnosticIds.InvalidTaskOption, FluxDiagnostics.InvalidTaskOption);

    public static readonly DiagnosticDescriptor InvalidFallbackOrRollback = Create(DiagnosticIds.InvalidFallbackOrRollback, FluxDiagnostics.InvalidFallbackOrRollback);

    public static readonly DiagnosticDescriptor DuplicateName = Create(DiagnosticIds.DuplicateName, FluxDiagnostics.DuplicateName, WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor NoExactFingerprint = Create(DiagnosticIds.NoExactFingerprint, FluxDiagnostics.NoExactFingerprint);

    // ---- FLUX301-399: usage -------------------------------------------------------------------------------------------

    public static readonly DiagnosticDescriptor DirectTaskCall = Create(DiagnosticIds.DirectTaskCall, FluxDiagnostics.DirectTaskCall);

    public static readonly DiagnosticDescriptor DiscardedTaskCall = Create(DiagnosticIds.DiscardedTaskCall, FluxDiagnostics.DiscardedTaskCall);

    /// <summary>The descriptor of each entry of the table: a rule's own, or (for another wording of it) a variant.</summary>
    private static readonly Dictionary<FluxDiagnostic, DiagnosticDescriptor> s_byEntry = new()
    {
        [FluxDiagnostics.GraphHasNoStart] = GraphHasNoStart,
        [FluxDiagnostics.GraphHasNoEnd] = GraphHasNoEnd,
        [FluxDiagnostics.GraphUnknownNode] = GraphUnknownNode,
        [FluxDiagnostics.GraphNodeIsNotATask] = Variant(FluxDiagnostics.GraphNodeIsNotATask),
        [FluxDiagnostics.GraphDuplicateNode] = GraphDuplicateNode,
        [FluxDiagnostics.GraphCycle] = GraphCycle,
        [FluxDiagnostics.GraphUnreachableNode] = GraphUnreachableNode,
        [FluxDiagnostics.GraphDeadEnd] = GraphDeadEnd,
        [FluxDiagnostics.GraphEdgeTypeMismatch] = GraphEdgeTypeMismatch,
        [FluxDiagnostics.GraphRunInputMismatch] = Variant(FluxDiagnostics.GraphRunInputMismatch),
        [FluxDiagnostics.GraphRunOutputMismatch] = Variant(FluxDiagnostics.GraphRunOutputMismatch),
        [FluxDiagnostics.GraphStartTypeMismatch] = Variant(FluxDiagnostics.GraphStartTypeMismatch),
        [FluxDiagnostics.GraphEndTypeMismatch] = Variant(FluxDiagnostics.GraphEndTypeMismatch),
        [FluxDiagnostics.GraphConditionTypeMismatch] = GraphConditionTypeMismatch,
        [FluxDiagnostics.GraphInvalidCondition] = Variant(FluxDiagnostics.GraphInvalidCondition),
        [FluxDiagnostics.GraphJoinMismatch] = GraphJoinMismatch,
        [FluxDiagnostics.GraphRouteNotExhaustive] = GraphRouteNotExhaustive,
        [FluxDiagnostics.TypeNotPartial] = TypeNotPartial,
        [FluxDiagnostics.UnsupportedTaskSignature] = UnsupportedTaskSignature,
        [FluxDiagnostics.GeneratedNameCollision] = GeneratedNameCollision,
        [FluxDiagnostics.InvalidWorkflowSignature] = InvalidWorkflowSignature,
        [FluxDiagnostics.InvalidDeclarativeWorkflowSignature] = Variant(FluxDiagnostics.InvalidDeclarativeWorkflowSignature),
        [FluxDiagnostics.InvalidTaskOption] = InvalidTaskOption,
        [FluxDiagnostics.InvalidFallbackOrRollback] = InvalidFallbackOrRollback,
        [FluxDiagnostics.DuplicateName] = DuplicateName,
        [FluxDiagnostics.NoExactFingerprint] = NoExactFingerprint,
        [FluxDiagnostics.DirectTaskCall] = DirectTaskCall,
        [FluxDiagnostics.DiscardedTaskCall] = DiscardedTaskCall,
    };

    /// <summary>The descriptor that reports <paramref name="entry"/>.</summary>
    public static DiagnosticDescriptor Of(FluxDiagnostic entry) => s_byEntry[entry];

    /// <summary>The descriptors of these entries (each id once per wording), for <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Supported(params FluxDiagnostic[] entries)
    {
        var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(entries.Length);
        foreach (var entry in entries)
        {
            builder.Add(Of(entry));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>The diagnostic of a problem a shared reader found.</summary>
    public static Diagnostic Create(DeclarationProblem problem)
    {
        var arguments = new object[problem.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = problem.Arguments[i];
        }

        return Diagnostic.Create(Of(problem.Diagnostic), problem.Location, problem.Properties, arguments);
    }

    /// <summary>The documentation page of a rule: <c>docs/diagnostics/{id}.md</c> in the repository.</summary>
    public static string HelpLinkUri(string id) => HelpLinkBase + id + ".md";

    /// <summary>
    /// The descriptor of another wording of a rule (an entry of the table that shares its id with the rule's main entry),
    /// such as the declarative form of FLUX003: same id, category, severity and page.
    /// </summary>
    private static DiagnosticDescriptor Variant(FluxDiagnostic entry) =>
        new(entry.Id, entry.Title, entry.MessageFormat, entry.Category, Severity(entry), isEnabledByDefault: true, entry.Description, HelpLinkUri(entry.Id));

    /// <param name="id">The id, as a constant (release tracking reads it); it must be the entry's.</param>
    /// <param name="entry">The table's entry.</param>
    /// <param name="customTags">Tags such as <see cref="WellKnownDiagnosticTags.CompilationEnd"/>.</param>
    private static DiagnosticDescriptor Create(string id, FluxDiagnostic entry, params string[] customTags) =>
        id == entry.Id
            ? new(id, entry.Title, entry.MessageFormat, entry.Category, Severity(entry), isEnabledByDefault: true, entry.Description, HelpLinkUri(id), customTags)
            : throw new System.ArgumentException("The descriptor of " + id + " was made from the entry of " + entry.Id + ".", nameof(entry));

    private static DiagnosticSeverity Severity(FluxDiagnostic entry) =>
        entry.Severity == FluxSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
}
