namespace Flux.Generators.Tests.Behaviour;

/// <summary>
/// The same graphs twice: declared with attributes (the body the generator writes, on <c>DeclaredGraphRun</c>) and
/// built with <see cref="Graph"/> (the runtime's executor). Each pair has one graph name, so ids and messages compare.
/// </summary>
public static partial class GraphParity
{
    /// <summary>Opens the gate of <see cref="Wait"/>; a test resets it.</summary>
    public static TaskCompletionSource<string> Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when <see cref="Wait"/> has started and waits at its gate.</summary>
    public static TaskCompletionSource Waiting { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set by <see cref="Wait"/> when its token cancelled it.</summary>
    public static bool WaitSawCancellation { get; set; }

    [Task] public static string Parse(string text) => text.Trim();

    [Task] public static string Upper(string text) => text.ToUpperInvariant();

    [Task] public static string Lower(string text) => text.ToLowerInvariant();

    [Task] public static string Join(string left, string right) => left + "|" + right;

    [Task]
    public static async Task<string> Fail(string text)
    {
        await Waiting.Task; // fail only once the sibling waits, so that there is a sibling to cancel
        throw new InvalidOperationException("no way: " + text);
    }

    [Task]
    public static async Task<string> Wait(string text, CancellationToken cancellationToken)
    {
        Waiting.TrySetResult();
        try
        {
            return await Gate.Task.WaitAsync(cancellationToken) + text;
        }
        catch (OperationCanceledException)
        {
            WaitSawCancellation = true;
            throw;
        }
    }

    private static bool Throws(string text) => throw new FormatException("cannot judge '" + text + "'");

    private static bool Never(string text) => text.Length < 0;

    private static async Task<bool> IsLongAsync(string text)
    {
        await Task.Yield();
        return text.Length > 3;
    }

    private static async Task<bool> IsShortAsync(string text)
    {
        await Task.Yield();
        return text.Length <= 3;
    }

    // ---- linear: parse -> upper ----------------------------------------------------------------------------------------

    [Workflow(Name = "linear")]
    [Node("parse", nameof(Parse))]
    [Node("upper", nameof(Upper))]
    [Edge("parse", "upper")]
    [StartWith("parse")]
    [EndWith("upper")]
    public static partial Task<string> Linear(ExecutionContext<string> ctx);

    [Workflow(Name = "linear_fluent")]
    public static async Task<string> LinearFluent(ExecutionContext<string> ctx) => await new Graph("linear")
        .AddNode("parse", ParseTask).AddNode("upper", UpperTask)
        .AddEdge("parse", "upper")
        .StartWith("parse").EndWith("upper")
        .RunAsync<string, string>(ctx.Input);

    // ---- diamond: parse -> upper, lower -> join --------------------------------------------------------------------------

    [Workflow(Name = "diamond")]
    [Node("parse", nameof(Parse))]
    [Node("upper", nameof(Upper))]
    [Node("lower", nameof(Lower))]
    [Node("join", nameof(Join))]
    [Edge("parse", "upper")]
    [Edge("parse", "lower")]
    [Edge("upper", "join")]
    [Edge("lower", "join")]
    [StartWith("parse")]
    [EndWith("join")]
    public static partial Task<string> Diamond(ExecutionContext<string> ctx);

    [Workflow(Name = "diamond_fluent")]
    public static async Task<string> DiamondFluent(ExecutionContext<string> ctx) => await new Graph("diamond")
        .AddNode("parse", ParseTask).AddNode("upper", UpperTask).AddNode("lower", LowerTask).AddNode("join", JoinTask)
        .AddEdge("parse", "upper").AddEdge("parse", "lower").AddEdge("upper", "join").AddEdge("lower", "join")
        .StartWith("parse").EndWith("join")
        .RunAsync<string, string>(ctx.Input);

    // ---- a failing branch: parse -> wait, fail -> join ----------------------------------------------------------------

    [Workflow(Name = "failing")]
    [Node("parse", nameof(Parse))]
    [Node("wait", nameof(Wait))]
    [Node("fail", nameof(Fail))]
    [Node("join", nameof(Join))]
    [Edge("parse", "wait")]
    [Edge("parse", "fail")]
    [Edge("wait", "join")]
    [Edge("fail", "join")]
    [StartWith("parse")]
    [EndWith("join")]
    public static partial Task<string> Failing(ExecutionContext<string> ctx);

    [Workflow(Name = "failing_fluent")]
    public static async Task<string> FailingFluent(ExecutionContext<string> ctx) => await new Graph("failing")
        .AddNode("parse", ParseTask).AddNode("wait", WaitTask).AddNode("fail", FailTask).AddNode("join", JoinTask)
        .AddEdge("parse", "wait").AddEdge("parse", "fail").AddEdge("wait", "join").AddEdge("fail", "join")
        .StartWith("parse").EndWith("join")
        .RunAsync<string, string>(ctx.Input);

    // ---- a condition that throws ----------------------------------------------------------------------------------------

    [Workflow(Name = "throwing")]
    [Node("parse", nameof(Parse))]
    [Node("upper", nameof(Upper))]
    [Edge("parse", "upper", When = nameof(Throws))]
    [StartWith("parse")]
    [EndWith("upper")]
    public static partial Task<string> Throwing(ExecutionContext<string> ctx);

    [Workflow(Name = "throwing_fluent")]
    public static async Task<string> ThrowingFluent(ExecutionContext<string> ctx) => await new Graph("throwing")
        .AddNode("parse", ParseTask).AddNode("upper", UpperTask)
        .AddEdge<string>("parse", "upper", Throws)
        .StartWith("parse").EndWith("upper")
        .RunAsync<string, string>(ctx.Input);

    // ---- asynchronous conditions choose the end node ------------------------------------------------------------------

    [Workflow(Name = "choosing")]
    [Node("parse", nameof(Parse))]
    [Node("upper", nameof(Upper))]
    [Node("lower", nameof(Lower))]
    [Edge("parse", "upper", When = nameof(IsLongAsync))]
    [Edge("parse", "lower", When = nameof(IsShortAsync))]
    [StartWith("parse")]
    [EndWith("upper")]
    [EndWith("lower")]
    public static partial Task<string> Choosing(ExecutionContext<string> ctx);

    [Workflow(Name = "choosing_fluent")]
    public static async Task<string> ChoosingFluent(ExecutionContext<string> ctx) => await new Graph("choosing")
        .AddNode("parse", ParseTask).AddNode("upper", UpperTask).AddNode("lower", LowerTask)
        .AddEdge<string>("parse", "upper", IsLongAsync).AddEdge<string>("parse", "lower", IsShortAsync)
        .StartWith("parse").EndWith("upper").EndWith("lower")
        .RunAsync<string, string>(ctx.Input);

    // ---- no end node reached ------------------------------------------------------------------------------------------

    [Workflow(Name = "stranded")]
    [Node("parse", nameof(Parse))]
    [Node("upper", nameof(Upper))]
    [Edge("parse", "upper", When = nameof(Never))]
    [StartWith("parse")]
    [EndWith("upper")]
    public static partial Task<string> Stranded(ExecutionContext<string> ctx);

    [Workflow(Name = "stranded_fluent")]
    public static async Task<string> StrandedFluent(ExecutionContext<string> ctx) => await new Graph("stranded")
        .AddNode("parse", ParseTask).AddNode("upper", UpperTask)
        .AddEdge<string>("parse", "upper", Never)
        .StartWith("parse").EndWith("upper")
        .RunAsync<string, string>(ctx.Input);
}
