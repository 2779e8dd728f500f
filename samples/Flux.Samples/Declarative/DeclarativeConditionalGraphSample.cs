namespace Flux.Samples;

/// <summary>
/// The seed's "Conditional Graph Execution" written with attributes: validate, then process or handle the error. The
/// conditions are plain methods named with <c>nameof</c>; the tasks are those of <see cref="ConditionalGraphSample"/>.
/// </summary>
public static partial class DeclarativeConditionalGraphSample
{
    /// <summary>The edge to "process" is taken for a valid order.</summary>
    public static bool IsValid(ValidationResult result) => result.Valid;

    /// <summary>The edge to "error" is taken for an invalid one.</summary>
    public static bool IsInvalid(ValidationResult result) => !result.Valid;

    [Workflow(Name = "declarative_conditional_graph_workflow")]
    [Node("validate", nameof(ConditionalGraphSample.ValidateData), DeclaredIn = typeof(ConditionalGraphSample))]
    [Node("process", nameof(ConditionalGraphSample.ProcessData), DeclaredIn = typeof(ConditionalGraphSample))]
    [Node("error", nameof(ConditionalGraphSample.HandleError), DeclaredIn = typeof(ConditionalGraphSample))]
    [Edge("validate", "process", When = nameof(IsValid))]
    [Edge("validate", "error", When = nameof(IsInvalid))]
    [StartWith("validate")]
    [EndWith("process")]
    [EndWith("error")]
    public static partial Task<string> Conditional(ExecutionContext<string> ctx);

    internal static async Task RunAsync(string[] input, TextWriter output) =>
        await output.WriteLineAsync(await ConditionalWorkflow.RunOrThrowAsync(SampleUsageException.Single(input)));
}
