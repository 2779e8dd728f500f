namespace Flux.Generators.Tests.Behaviour;

/// <summary>Real tasks and a workflow, compiled with the generator as this project's analyzer.</summary>
public static partial class Greetings
{
    /// <summary>A synchronous task.</summary>
    [Task] public static string SayHi(string name) => $"Hi, {name}";

    /// <summary>An asynchronous task that takes the runtime's token.</summary>
    [Task]
    public static async Task<string> SayHelloAsync(string name, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return $"Hello, {name}";
    }

    /// <summary>A task of two parameters.</summary>
    [Task(Retries = 2, RetryDelay = "1ms", Timeout = "30s", Fallback = nameof(GreetFallback))]
    public static ValueTask<string> Greet(string greeting, string name) => ValueTask.FromResult($"{greeting}, {name}");

    private static string GreetFallback(string greeting, string name) => "fallback";

    /// <summary>A task with no parameter.</summary>
    [Task(Name = "the-answer")] public static int Answer() => 42;

    /// <summary>A task with no result.</summary>
    [Task] public static void Record(string message) => Log.Enqueue(message);

    /// <summary>What <see cref="Record"/> saw.</summary>
    public static System.Collections.Concurrent.ConcurrentQueue<string> Log { get; } = new();

    /// <summary>The workflow of the design.</summary>
    [Workflow]
    public static async Task<string[]> Parallel(ExecutionContext<string> ctx) =>
        await Workflow.Parallel(SayHiTask.Call(ctx.Input), SayHelloTask.Call(ctx.Input));
}

/// <summary>Instance tasks and an instance workflow.</summary>
public sealed partial class Counter(int start)
{
    /// <summary>An instance task.</summary>
    [Task] public int Add(int amount) => start + amount;

    /// <summary>An instance workflow.</summary>
    [Workflow] public async Task<int> Total(ExecutionContext<int> context) => await AddTask.Call(context.Input);
}
