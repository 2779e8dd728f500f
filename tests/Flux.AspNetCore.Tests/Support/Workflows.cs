using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace Flux.AspNetCore.Tests.Support;

public sealed record Line(string Sku, int Quantity);

public sealed record Order(string Id, decimal Amount, List<Line> Lines);

public sealed record Receipt(string OrderId, decimal Total, int Items);

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
internal sealed partial class TestJson : JsonSerializerContext
{
}

/// <summary>The workflows the tests run through the API.</summary>
public static partial class Flows
{
    /// <summary>The graph of <c>route</c>: known at build time, so the workflow has a Mermaid diagram.</summary>
    public const string RouteGraph = "route";

    [Task]
    public static Receipt Charge(Order order) => new(order.Id, order.Amount, order.Lines.Sum(l => l.Quantity));

    /// <summary>Waits until the test opens <paramref name="gate"/>.</summary>
    [Task]
    public static async Task<string> Hold(string gate, CancellationToken cancellationToken)
    {
        await Gates.WaitAsync(gate, cancellationToken);
        return gate;
    }

    [Task]
    public static string Shout(string text) => text.ToUpperInvariant() + "!";

    /// <summary>Fails its first attempt, then succeeds: one retry in the log.</summary>
    [Task(Retries = 1, RetryDelay = "0ms")]
    public static string Wobble(string text) => Gates.Attempt("wobble:" + text) == 1 ? throw new TimeoutException("first attempt times out") : text;

    [Task]
    public static string Boom(string message) => throw new InvalidOperationException(message);

    [Workflow(Name = "checkout")]
    public static async Task<Receipt> Checkout(ExecutionContext<Order> ctx) => await ChargeTask.Call(ctx.Input);

    /// <summary>Shouts <c>ctx.Input</c> (a completed call, committed), then holds at gate <c>ctx.Input</c>, then returns the shout.</summary>
    [Workflow(Name = "gated")]
    public static async Task<string> Gated(ExecutionContext<string> ctx)
    {
        var shout = await ShoutTask.Call(ctx.Input);
        await HoldTask.Call(ctx.Input);
        return shout;
    }

    /// <summary>Pauses for a decision; "approved by {who}" or "rejected".</summary>
    [Workflow(Name = "approval")]
    public static async Task<string> Approval(ExecutionContext<string> ctx) =>
        await Workflow.Pause<bool>("approve") ? $"approved by {ctx.Input}" : "rejected";

    [Workflow(Name = "failing")]
    public static async Task<string> Failing(ExecutionContext<string> ctx) => await BoomTask.Call(await WobbleTask.Call(ctx.Input));

    [Workflow(Name = "route")]
    public static async Task<string> Route(ExecutionContext<string> ctx) =>
        await new Graph(RouteGraph)
            .AddNode("wobble", WobbleTask)
            .AddNode("shout", ShoutTask)
            .AddEdge("wobble", "shout")
            .StartWith("wobble")
            .EndWith("shout")
            .RunAsync<string, string>(ctx.Input);
}

/// <summary>Gates the test opens for the tasks that wait on them, and attempt counters. Reset before every test.</summary>
public static class Gates
{
    private static ConcurrentDictionary<string, TaskCompletionSource> s_gates = new();
    private static ConcurrentDictionary<string, TaskCompletionSource> s_reached = new();
    private static ConcurrentDictionary<string, int> s_attempts = new();

    public static void Reset()
    {
        s_gates = new();
        s_reached = new();
        s_attempts = new();
    }

    public static Task WaitAsync(string gate, CancellationToken cancellationToken)
    {
        Of(s_reached, gate).TrySetResult();
        return Of(s_gates, gate).Task.WaitAsync(cancellationToken);
    }

    public static void Open(string gate) => Of(s_gates, gate).TrySetResult();

    /// <summary>Completes once a task waits at <paramref name="gate"/>; fails the test instead of hanging it.</summary>
    public static Task Reached(string gate) => Of(s_reached, gate).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public static int Attempt(string key) => s_attempts.AddOrUpdate(key, 1, static (_, n) => n + 1);

    private static TaskCompletionSource Of(ConcurrentDictionary<string, TaskCompletionSource> map, string gate) =>
        map.GetOrAdd(gate, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
