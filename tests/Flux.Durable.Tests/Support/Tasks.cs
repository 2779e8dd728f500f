namespace Flux.Durable.Tests.Support;

/// <summary>The tasks the durable tests call: each counts its runs in <see cref="Probe"/>.</summary>
public static partial class T
{
    [Task]
    public static int Add(int a, int b)
    {
        Probe.Ran($"Add({a},{b})");
        return a + b;
    }

    [Task]
    public static string Greet(string name)
    {
        Probe.Ran($"Greet({name})");
        return $"Hello, {name}";
    }

    [Task]
    public static ValueTask<int> Square(int x)
    {
        Probe.Ran("Square");
        return ValueTask.FromResult(x * x);
    }

    /// <summary>Waits at gate <paramref name="gate"/> (cancellable), then returns its run count.</summary>
    [Task]
    public static async Task<int> Wait(string gate, CancellationToken cancellationToken)
    {
        var run = Probe.Ran($"Wait({gate})");
        await Probe.Wait(gate, cancellationToken);
        return run;
    }

    [Task]
    public static int Boom(string message)
    {
        Probe.Ran($"Boom({message})");
        throw new InvalidOperationException(message);
    }

    [Task]
    public static Receipt Charge(Order order)
    {
        Probe.Ran($"Charge({order.Id})");
        return new Receipt(order.Id, order.Amount, Workflow.CurrentCall ?? "");
    }

    [Task]
    public static string Reveal(Secret secret) => secret.Value;

    /// <summary>Waits at <paramref name="gate"/>; on cancellation its rollback runs.</summary>
    [Task(Rollback = nameof(Undo))]
    public static async Task<string> Reserve(string gate, CancellationToken cancellationToken)
    {
        Probe.Ran($"Reserve({gate})");
        await Probe.Wait(gate, cancellationToken);
        return gate;
    }

    private static void Undo(string gate) => Probe.Ran($"Undo({gate})");

    [Task(Retries = 2, RetryDelay = "0ms")]
    public static int Flaky(int failures)
    {
        var run = Probe.Ran("Flaky");
        if (run <= failures)
        {
            throw new TimeoutException($"attempt {run} failed");
        }

        return run;
    }

    /// <summary>Adds 1 and 2 in a nested call (committed before the body goes on), then waits at <paramref name="gate"/>.</summary>
    [Task]
    public static async Task<int> Staged(string gate, CancellationToken cancellationToken)
    {
        Probe.Ran($"Staged({gate})");
        var a = await AddTask.Call(1, 2);
        return a + await WaitTask.Call(gate);
    }

    /// <summary>Item <paramref name="x"/> of a Map; item 2 pauses for an approval inside its body.</summary>
    [Task]
    public static async Task<int> Approve(int x)
    {
        Probe.Ran($"Approve({x})");
        if (x == 2 && !await Workflow.Pause<bool>("approve-2"))
        {
            return -x;
        }

        return x * 10;
    }

    /// <summary>A task whose body calls another task: a nested call in its scope.</summary>
    [Task]
    public static async Task<int> Outer(int x)
    {
        Probe.Ran("Outer");
        return await AddTask.Call(x, 1) * 10;
    }
}
