namespace Flux;

/// <summary>
/// The base of Flux's own tasks (<c>flux:now</c>, <c>flux:guid</c>, <c>flux:random</c>, <c>flux:sleep</c>,
/// <c>flux:pause</c>): recorded calls like any task (an id, TaskStarted and TaskCompleted, replayed from the log), whose
/// bodies always run in the execution's own process.
/// </summary>
internal abstract class BuiltinTask<TArguments, TResult>(string name, params Type[] parameterTypes) : TaskHandle<TArguments, TResult>(name, TaskOptions.Default)
{
    private readonly Type[] _parameterTypes = parameterTypes;

    public override IReadOnlyList<Type> ParameterTypes => _parameterTypes;

    internal override bool CanDispatch => false;

    protected override TArguments ConvertArguments(ReadOnlySpan<object?> arguments) =>
        _parameterTypes.Length == 0 ? default! : (TArguments)arguments[0]!;

    /// <summary>A call of the built-in, for the <c>Workflow</c> methods.</summary>
    public TaskCall<TResult> Call(TArguments arguments) => CreateCall(arguments);
}

/// <summary><c>Workflow.Now()</c>: the execution's clock, read once and replayed.</summary>
internal sealed class NowTask() : BuiltinTask<ValueTuple, DateTimeOffset>("flux:now")
{
    public static NowTask Instance { get; } = new();

    protected override ValueTask<DateTimeOffset> InvokeAsync(ValueTuple arguments, CancellationToken cancellationToken) =>
        ValueTask.FromResult((ExecutionContext.Current?.TimeProvider ?? TimeProvider.System).GetUtcNow());

    protected override void WriteFingerprint(ref FingerprintWriter writer, ValueTuple arguments)
    {
    }
}

/// <summary><c>Workflow.NewGuid()</c>: a new GUID, made once and replayed.</summary>
internal sealed class GuidTask() : BuiltinTask<ValueTuple, Guid>("flux:guid")
{
    public static GuidTask Instance { get; } = new();

    protected override ValueTask<Guid> InvokeAsync(ValueTuple arguments, CancellationToken cancellationToken) => ValueTask.FromResult(Guid.NewGuid());

    protected override void WriteFingerprint(ref FingerprintWriter writer, ValueTuple arguments)
    {
    }
}

/// <summary><c>Workflow.Random()</c>: a number in [0, 1), drawn once and replayed.</summary>
internal sealed class RandomTask() : BuiltinTask<ValueTuple, double>("flux:random")
{
    public static RandomTask Instance { get; } = new();

    protected override ValueTask<double> InvokeAsync(ValueTuple arguments, CancellationToken cancellationToken) => ValueTask.FromResult(System.Random.Shared.NextDouble());

    protected override void WriteFingerprint(ref FingerprintWriter writer, ValueTuple arguments)
    {
    }
}
