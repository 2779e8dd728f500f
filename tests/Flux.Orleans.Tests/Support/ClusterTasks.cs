namespace Flux.Orleans.Tests;

/// <summary>The tasks and workflows the cluster tests send to the silos.</summary>
public static partial class ClusterTasks
{
    [Task]
    public static int Square(int value) => value * value;

    [Task]
    public static string Describe(string name, int count, double ratio) => $"{name}:{count}:{ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    [Task]
    public static void Explode(string message) => throw new InvalidOperationException(message, new FormatException("the inner cause"));

    /// <summary>Records which silo ran it, then waits at its batch's gate: what the batch and fail-over tests steer.</summary>
    [Task]
    public static async Task<int> Gated(string batch, int item, CancellationToken cancellationToken)
    {
        var call = TaskWorkerCall.Current ?? throw new InvalidOperationException("Gated ran outside a task worker.");
        await Batches.Get(batch).RunAsync(item, call.Silo, cancellationToken).ConfigureAwait(false);
        return item * 2;
    }

    [Workflow]
    public static async Task<string> Greet(ExecutionContext<string> context) =>
        $"{await SquareTask.Call(context.Input.Length)} for {context.Input}";

    /// <summary>Counts its runs under its input and waits at the gate of that name.</summary>
    [Workflow]
    public static async Task<string> WaitForGate(ExecutionContext<string> context)
    {
        var gate = Gates.Get(context.Input);
        gate.Started();
        await gate.Open.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        return $"opened {context.Input}";
    }
}
