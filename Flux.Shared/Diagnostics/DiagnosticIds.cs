namespace Flux.Shared.Diagnostics;

/// <summary>
/// The identifiers of every Flux diagnostic. IDs are stable forever: a retired rule keeps its number, and a new rule
/// takes the next free number of its range. Never compute an ID from an order.
/// </summary>
/// <remarks>
/// Ranges: FLUX001-099 graph validation (reported by the analyzers and thrown by the runtime's validation),
/// FLUX101-199 authoring of tasks and workflows, FLUX201-299 workflow determinism, FLUX301-399 usage.
/// Reserved: FLUX201 onwards (determinism).
/// </remarks>
internal static class DiagnosticIds
{
    /// <summary>The graph has no start node.</summary>
    public const string GraphHasNoStart = "FLUX001";

    /// <summary>The graph has no end node.</summary>
    public const string GraphHasNoEnd = "FLUX002";

    /// <summary>An edge, StartWith or EndWith names a node that was not added.</summary>
    public const string GraphUnknownNode = "FLUX003";

    /// <summary>A node name is added twice.</summary>
    public const string GraphDuplicateNode = "FLUX004";

    /// <summary>The graph has a cycle.</summary>
    public const string GraphCycle = "FLUX005";

    /// <summary>A node is not reachable from a start node.</summary>
    public const string GraphUnreachableNode = "FLUX006";

    /// <summary>A node cannot reach an end node.</summary>
    public const string GraphDeadEnd = "FLUX007";

    /// <summary>An edge's upstream output type does not fit the downstream node's input.</summary>
    public const string GraphEdgeTypeMismatch = "FLUX008";

    /// <summary>A condition's parameter type does not fit the upstream node's output.</summary>
    public const string GraphConditionTypeMismatch = "FLUX009";

    /// <summary>A node with several upstream nodes does not take their outputs.</summary>
    public const string GraphJoinMismatch = "FLUX010";

    /// <summary>A declarative graph routes by an enum but leaves a case without an edge (exhaustive routing).</summary>
    public const string GraphRouteNotExhaustive = "FLUX011";

    /// <summary>[Task]/[Workflow] on a method of a type (or containing type) that is not a partial class.</summary>
    public const string TypeNotPartial = "FLUX101";

    /// <summary>A task signature the generator cannot wrap.</summary>
    public const string UnsupportedTaskSignature = "FLUX102";

    /// <summary>A generated member name collides with an existing member.</summary>
    public const string GeneratedNameCollision = "FLUX103";

    /// <summary>A workflow method whose signature is not (ExecutionContext&lt;TInput&gt;) -> TOutput/Task&lt;TOutput&gt;/ValueTask&lt;TOutput&gt;.</summary>
    public const string InvalidWorkflowSignature = "FLUX104";

    /// <summary>An invalid task option (negative retries, bad duration, backoff below 1).</summary>
    public const string InvalidTaskOption = "FLUX105";

    /// <summary>A fallback or rollback that does not exist or whose signature does not fit the task.</summary>
    public const string InvalidFallbackOrRollback = "FLUX106";

    /// <summary>Two tasks or two workflows with the same name in one assembly.</summary>
    public const string DuplicateName = "FLUX107";

    /// <summary>A task parameter whose type has no exact fingerprint (no readable members, a lazy sequence, a delegate...).</summary>
    public const string NoExactFingerprint = "FLUX108";

    /// <summary>A [Task] method called directly inside a workflow.</summary>
    public const string DirectTaskCall = "FLUX301";

    /// <summary>A TaskCall created and never awaited nor handed to a pattern.</summary>
    public const string DiscardedTaskCall = "FLUX302";
}
