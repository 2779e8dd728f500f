namespace Flux.Runtime.Tests.Support;

/// <summary>
/// A task handle built from a lambda, so runtime tests do not depend on the source generator. It is what the
/// generator writes for a one-parameter task, minus the typed Map overloads.
/// </summary>
internal sealed class LambdaTask<TArgument, TResult> : TaskHandle<TArgument, TResult>
{
    private readonly Func<TArgument, CancellationToken, ValueTask<TResult>> _body;
    private readonly bool _synchronous;

    public LambdaTask(string name, Func<TArgument, CancellationToken, ValueTask<TResult>> body, TaskOptions? options = null, bool synchronous = false)
        : base(name, options ?? TaskOptions.Default)
    {
        _body = body;
        _synchronous = synchronous;
    }

    public override IReadOnlyList<Type> ParameterTypes { get; } = [typeof(TArgument)];

    public override bool IsSynchronous => _synchronous;

    public TaskCall<TResult> Call(TArgument argument) => CreateCall(argument);

    public Task<TResult[]> Map(IEnumerable<TArgument> items, BatchOptions? options = null, CancellationToken cancellationToken = default) =>
        MapCore(items, options, cancellationToken);

    public Task<TResult[]> Map(IAsyncEnumerable<TArgument> items, BatchOptions? options = null, CancellationToken cancellationToken = default) =>
        MapCore(items, options, cancellationToken);

    public Task<Outcome<TResult>[]> MapOutcomes(IEnumerable<TArgument> items, BatchOptions? options = null, CancellationToken cancellationToken = default) =>
        MapOutcomesCore(items, options, cancellationToken);

    public IAsyncEnumerable<TResult> MapStream(IEnumerable<TArgument> items, BatchOptions? options = null, CancellationToken cancellationToken = default) =>
        MapStreamCore(items, options, cancellationToken);

    protected override ValueTask<TResult> InvokeAsync(TArgument arguments, CancellationToken cancellationToken) => _body(arguments, cancellationToken);

    protected override void WriteFingerprint(ref FingerprintWriter writer, TArgument arguments) => writer.Write(arguments);

    protected override TArgument ConvertArguments(ReadOnlySpan<object?> arguments) => (TArgument)arguments[0]!;
}

internal static class LambdaTask
{
    public static LambdaTask<TArgument, TResult> Of<TArgument, TResult>(string name, Func<TArgument, TResult> body) =>
        new(name, (argument, _) => ValueTask.FromResult(body(argument)));

    public static LambdaTask<TArgument, TResult> Of<TArgument, TResult>(string name, Func<TArgument, CancellationToken, Task<TResult>> body) =>
        new(name, (argument, token) => new ValueTask<TResult>(body(argument, token)));

    /// <summary>Runs <paramref name="body"/> as the body of a one-off workflow and returns the finished execution.</summary>
    public static Task<ExecutionContext<TInput, TOutput>> RunWorkflow<TInput, TOutput>(
        TInput input, Func<ExecutionContext<TInput>, Task<TOutput>> body, CancellationToken cancellationToken = default, string name = "test_workflow") =>
        new WorkflowHandle<TInput, TOutput>(name, context => new ValueTask<TOutput>(body(context))).RunAsync(input, cancellationToken);
}
