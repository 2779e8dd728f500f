using System.Collections.Concurrent;

namespace Flux.Hosting.Tests.Support;

/// <summary>A scoped service: one per execution (a DI scope each), disposed when the execution ends.</summary>
public sealed class Ledger : IDisposable
{
    private static int s_next;

    public static ConcurrentQueue<Ledger> Made { get; } = new();

    public Ledger()
    {
        Id = Interlocked.Increment(ref s_next);
        Made.Enqueue(this);
    }

    public int Id { get; }

    public bool IsDisposed { get; private set; }

    public List<int> Entries { get; } = [];

    public void Dispose() => IsDisposed = true;
}

/// <summary>A singleton service the workflow also takes.</summary>
public sealed class Pricing
{
    public decimal Rate { get; init; } = 2;
}

/// <summary>An instance workflow whose class takes services in its constructor.</summary>
public sealed partial class Billing(Ledger ledger, Pricing pricing)
{
    public static WorkflowDescriptor Descriptor { get; } =
        new("bill", typeof(int), typeof(string), instance => ((Billing)instance!).BillWorkflow, declaringType: typeof(Billing));

    [Task]
    public string Charge(int amount)
    {
        ledger.Entries.Add(amount);
        Gates.Ran($"Charge in ledger {ledger.Id}, disposed: {ledger.IsDisposed}");
        return $"ledger {ledger.Id}: {amount * pricing.Rate}";
    }

    [Workflow(Name = "bill")]
    public async Task<string> Bill(ExecutionContext<int> ctx) => await ChargeTask.Call(ctx.Input);
}
