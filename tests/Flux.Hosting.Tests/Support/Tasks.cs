namespace Flux.Hosting.Tests.Support;

/// <summary>The tasks the hosting tests call; each counts its runs in <see cref="Gates"/>.</summary>
public static partial class T
{
    [Task]
    public static string Greet(string name)
    {
        Gates.Ran($"Greet({name})");
        return $"Hello, {name}";
    }

    /// <summary>Waits at gate <paramref name="gate"/> (cancellable), then returns its run count.</summary>
    [Task]
    public static async Task<int> Wait(string gate, CancellationToken cancellationToken)
    {
        var run = Gates.Ran($"Wait({gate})");
        await Gates.Wait(gate, cancellationToken);
        return run;
    }

    [Task]
    public static int Boom(string message)
    {
        Gates.Ran($"Boom({message})");
        throw new InvalidOperationException(message);
    }

    [Task(Retries = 1, RetryDelay = "0ms")]
    public static int Flaky(string key)
    {
        if (Gates.Ran($"Flaky({key})") == 1)
        {
            throw new TimeoutException("first attempt failed");
        }

        return 7;
    }
}

/// <summary>The test workflows, as handles (the generated catalog would list them).</summary>
public static class W
{
    /// <summary>Greets, then waits at the gate named by its input.</summary>
    public static WorkflowHandle<string, string> GreetThenWait { get; } = new("greet_then_wait", async ctx =>
    {
        var greeting = await T.GreetTask.Call(ctx.Input);
        var run = await T.WaitTask.Call(ctx.Input);
        return $"{greeting} ({run})";
    });

    /// <summary>Sleeps ten minutes, then greets.</summary>
    public static WorkflowHandle<string, string> Sleeper { get; } = new("sleeper", async ctx =>
    {
        await Workflow.Sleep(TimeSpan.FromMinutes(10));
        return await T.GreetTask.Call(ctx.Input);
    });

    /// <summary>Greets (with a secret as its argument), then retries a flaky task, then fails when its input says so.</summary>
    public static WorkflowHandle<string, string> Noisy { get; } = new("noisy", async ctx =>
    {
        var greeting = await T.GreetTask.Call(ctx.Input);
        await T.FlakyTask.Call(ctx.Input);
        if (ctx.Input.StartsWith("fail", StringComparison.Ordinal))
        {
            await T.BoomTask.Call("boom");
        }

        return greeting;
    });
}
