namespace Flux.Samples;

/// <summary>How an order is handled, as <see cref="EnumRoutingSample.Classify"/> decides.</summary>
public enum OrderRoute
{
    /// <summary>Not a positive whole number.</summary>
    Invalid,

    /// <summary>Up to 100 items: processed at once.</summary>
    Standard,

    /// <summary>More than 100 items: sent to the bulk desk.</summary>
    Bulk,
}

/// <summary>
/// Exhaustive routing: the router <see cref="Classify"/> returns an enum and each member has an edge. Remove one of
/// the <c>[Edge]</c>s and the build fails with FLUX011, naming the member that lost its way.
/// </summary>
public static partial class EnumRoutingSample
{
    /// <summary>The largest order processed without the bulk desk.</summary>
    public const int BulkThreshold = 100;

    [Task] public static string ProcessBulkOrder(ValidationResult data) => $"Sent {data.Quantity} item(s) to the bulk desk";

    /// <summary>The router: which edge out of "validate" a run takes.</summary>
    public static OrderRoute Classify(ValidationResult result) =>
        !result.Valid ? OrderRoute.Invalid : result.Quantity > BulkThreshold ? OrderRoute.Bulk : OrderRoute.Standard;

    [Workflow(Name = "enum_routing_workflow")]
    [Node("validate", nameof(ConditionalGraphSample.ValidateData), DeclaredIn = typeof(ConditionalGraphSample))]
    [Node("process", nameof(ConditionalGraphSample.ProcessData), DeclaredIn = typeof(ConditionalGraphSample))]
    [Node("bulk", nameof(ProcessBulkOrder))]
    [Node("error", nameof(ConditionalGraphSample.HandleError), DeclaredIn = typeof(ConditionalGraphSample))]
    [Edge("validate", "process", When = nameof(Classify), Case = OrderRoute.Standard)]
    [Edge("validate", "bulk", When = nameof(Classify), Case = OrderRoute.Bulk)]
    [Edge("validate", "error", When = nameof(Classify), Case = OrderRoute.Invalid)]
    [StartWith("validate")]
    [EndWith("process")]
    [EndWith("bulk")]
    [EndWith("error")]
    public static partial Task<string> Route(ExecutionContext<string> ctx);

    internal static async Task RunAsync(string[] input, TextWriter output) =>
        await output.WriteLineAsync(await RouteWorkflow.RunOrThrowAsync(SampleUsageException.Single(input)));
}
