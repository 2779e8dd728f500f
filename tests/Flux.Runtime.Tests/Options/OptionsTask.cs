namespace Flux.Runtime.Tests.Options;

/// <summary>
/// A task handle built from lambdas (body, optional fallback, optional rollback), standing in for what the generator
/// writes for a one-parameter task with <c>[Task(Fallback = ..., Rollback = ...)]</c>, so that these tests do not depend on it.
/// </summary>
internal sealed class OptionsTask<TArgument, TResult> : TaskHandle<TArgument, TResult>
{
    private readonly Func<TArgument, CancellationToken, ValueTask<TResult>> _body;
    private readonly Func<TArgument, CancellationToken, ValueTask<TResult>>? _fallback;
    private readonly Func<TArgument, CancellationToken, ValueTask>? _rollback;

    public OptionsTask(
        string name,
        Func<TArgument, CancellationToken, ValueTask<TResult>> body,
        TaskOptions? options = null,
        Func<TArgument, CancellationToken, ValueTask<TResult>>? fallback = null,
        Func<TArgument, CancellationToken, ValueTask>? rollback = null)
        : base(name, options ?? TaskOptions.Default)
    {
        _body = body;
        _fallback = fallback;
        _rollback = rollback;
    }

    public override IReadOnlyList<Type> ParameterTypes { get; } = [typeof(TArgument)];

    /// <summary>A copy of this task with other options, as generated handles offer it.</summary>
    public OptionsTask<TArgument, TResult> WithOptions(TaskOptions options) => new(Name, _body, options, _fallback, _rollback);

    public TaskCall<TResult> Call(TArgument argument) => CreateCall(argument);

    public Task<TResult[]> Map(IEnumerable<TArgument> items, BatchOptions? options = null) => MapCore(items, options, default);

    public Task<Outcome<TResult>[]> MapOutcomes(IEnumerable<TArgument> items, BatchOptions? options = null) => MapOutcomesCore(items, options, default);

    protected override bool HasFallback => _fallback is not null;

    protected override bool HasRollback => _rollback is not null;

    protected override ValueTask<TResult> InvokeAsync(TArgument arguments, CancellationToken cancellationToken) => _body(arguments, cancellationToken);

    protected override ValueTask<TResult> InvokeFallbackAsync(TArgument arguments, CancellationToken cancellationToken) => _fallback!(arguments, cancellationToken);

    protected override ValueTask InvokeRollbackAsync(TArgument arguments, CancellationToken cancellationToken) => _rollback!(arguments, cancellationToken);

    protected override void WriteFingerprint(ref FingerprintWriter writer, TArgument arguments) => writer.Write(arguments);

    protected override TArgument ConvertArguments(ReadOnlySpan<object?> arguments) => (TArgument)arguments[0]!;
}
