using System.Collections.Concurrent;

namespace Flux.Runtime.Tests.Graphs;

/// <summary>
/// A task handle of any arity built from a lambda over its argument tuple, so graph tests need neither the source
/// generator nor reflection. It counts its runs and keeps the arguments of each call.
/// </summary>
internal sealed class GraphTestTask<TArguments, TResult> : TaskHandle<TArguments, TResult>
{
    private readonly Type[] _parameterTypes;
    private readonly Func<object?[], TArguments> _convert;
    private readonly Func<TArguments, CancellationToken, Task<TResult>> _body;
    private int _runs;

    public GraphTestTask(string name, Type[] parameterTypes, Func<object?[], TArguments> convert, Func<TArguments, CancellationToken, Task<TResult>> body)
        : base(name, TaskOptions.Default)
    {
        _parameterTypes = parameterTypes;
        _convert = convert;
        _body = body;
    }

    public override IReadOnlyList<Type> ParameterTypes => _parameterTypes;

    /// <summary>How many times the body ran.</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <summary>A lazy call, as a generated handle's <c>Call</c> makes it.</summary>
    public TaskCall<TResult> Call(TArguments arguments) => CreateCall(arguments);

    /// <summary>The arguments of every call, in start order.</summary>
    public ConcurrentQueue<TArguments> Calls { get; } = new();

    protected override ValueTask<TResult> InvokeAsync(TArguments arguments, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        Calls.Enqueue(arguments);
        return new ValueTask<TResult>(_body(arguments, cancellationToken));
    }

    protected override void WriteFingerprint(ref FingerprintWriter writer, TArguments arguments) => writer.Write(arguments);

    protected override TArguments ConvertArguments(ReadOnlySpan<object?> arguments) => _convert(arguments.ToArray());
}

/// <summary>Factories for <see cref="GraphTestTask{TArguments, TResult}"/> by arity, synchronous or asynchronous bodies.</summary>
internal static class GraphTestTasks
{
    /// <summary>A task without parameters.</summary>
    public static GraphTestTask<ValueTuple, TResult> Of<TResult>(string name, Func<TResult> body) =>
        new(name, [], _ => default, (_, _) => Task.FromResult(body()));

    /// <summary>A task with one parameter.</summary>
    public static GraphTestTask<T, TResult> Of<T, TResult>(string name, Func<T, TResult> body) =>
        new(name, [typeof(T)], args => (T)args[0]!, (a, _) => Task.FromResult(body(a)));

    /// <summary>A task with one parameter and an asynchronous body that takes the call's token.</summary>
    public static GraphTestTask<T, TResult> OfAsync<T, TResult>(string name, Func<T, CancellationToken, Task<TResult>> body) =>
        new(name, [typeof(T)], args => (T)args[0]!, body);

    /// <summary>A task with two parameters.</summary>
    public static GraphTestTask<(T1, T2), TResult> Of<T1, T2, TResult>(string name, Func<T1, T2, TResult> body) =>
        new(name, [typeof(T1), typeof(T2)], args => ((T1)args[0]!, (T2)args[1]!), (a, _) => Task.FromResult(body(a.Item1, a.Item2)));

    /// <summary>A task with two parameters and an asynchronous body.</summary>
    public static GraphTestTask<(T1, T2), TResult> OfAsync<T1, T2, TResult>(string name, Func<T1, T2, CancellationToken, Task<TResult>> body) =>
        new(name, [typeof(T1), typeof(T2)], args => ((T1)args[0]!, (T2)args[1]!), (a, token) => body(a.Item1, a.Item2, token));

    /// <summary>A task with three parameters.</summary>
    public static GraphTestTask<(T1, T2, T3), TResult> Of<T1, T2, T3, TResult>(string name, Func<T1, T2, T3, TResult> body) =>
        new(name, [typeof(T1), typeof(T2), typeof(T3)], args => ((T1)args[0]!, (T2)args[1]!, (T3)args[2]!), (a, _) => Task.FromResult(body(a.Item1, a.Item2, a.Item3)));

    /// <summary>A string -&gt; string task that appends its name, e.g. for chains whose result shows the path taken.</summary>
    public static GraphTestTask<string, string> Step(string name) => Of<string, string>(name, s => s + ">" + name);
}

/// <summary>A one-shot signal a test opens; tasks wait on it. No timing involved.</summary>
internal sealed class GraphGate
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Opened => _opened.Task;

    public Task WaitAsync(CancellationToken cancellationToken = default) => _opened.Task.WaitAsync(cancellationToken);

    public void Open() => _opened.TrySetResult();
}
