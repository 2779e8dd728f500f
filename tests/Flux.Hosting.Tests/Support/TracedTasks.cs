using System.Diagnostics;

namespace Flux.Hosting.Tests.Support;

/// <summary>Tasks that show where they run in the trace.</summary>
public static partial class Traced
{
    /// <summary>Calls Greet from its body: a nested call, whose span is a child of this call's.</summary>
    [Task]
    public static async Task<string> Outer(string name) => $"{await T.GreetTask.Call(name)} / {Activity.Current?.DisplayName}";

    /// <summary>The current activity while its body runs, with its parent: what an HttpClient call here would be a child of.</summary>
    [Task]
    public static string Where(string secret) => $"{Activity.Current?.DisplayName} {Activity.Current?.ParentSpanId}";
}

/// <summary>The workflow of the telemetry tests.</summary>
public static class TracedWorkflow
{
    public static WorkflowHandle<string, string> Workflow { get; } = new("traced", async ctx =>
    {
        var outer = await Traced.OuterTask.Call(ctx.Input);
        var where = await Traced.WhereTask.Call(ctx.Input);
        var attempts = await T.FlakyTask.Call(ctx.Input);
        if (ctx.Input.StartsWith("fail", StringComparison.Ordinal))
        {
            await T.BoomTask.Call("boom");
        }

        return $"{outer} | {where} | {attempts}";
    });
}
