using System.Text.Json.Serialization;

namespace Flux.Cluster;

/// <summary>The workflows the cluster runs: a Map whose items spread over the silos, and an approval that pauses.</summary>
public static partial class Orders
{
    /// <summary>Prices one order line (on whichever silo the cluster sends it to).</summary>
    [Task]
    public static async Task<LinePrice> Price(OrderLine line)
    {
        await Task.Yield();
        return new LinePrice(line.Sku, line.Quantity * 2.5m);
    }

    [Workflow(Name = "price_order")]
    public static async Task<OrderTotal> PriceOrder(ExecutionContext<int> ctx)
    {
        var lines = Enumerable.Range(1, ctx.Input).Select(static i => new OrderLine($"sku-{i}", i % 5 + 1));
        var prices = await PriceTask.Map(lines);
        return new OrderTotal(prices.Sum(static p => p.Amount), prices.Length);
    }

    [Workflow(Name = "approve_order")]
    public static async Task<string> Approve(ExecutionContext<string> ctx)
    {
        var approver = await Workflow.Pause<string>("manager");
        return $"order {ctx.Input} approved by {approver}";
    }
}

public sealed record OrderLine(string Sku, int Quantity);

public sealed record LinePrice(string Sku, decimal Amount);

public sealed record OrderTotal(decimal Amount, int Lines);

/// <summary>Every type the workflows store or send between silos, for reflection-free JSON.</summary>
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(OrderLine))]
[JsonSerializable(typeof(LinePrice))]
[JsonSerializable(typeof(LinePrice[]))]
[JsonSerializable(typeof(OrderTotal))]
public sealed partial class ClusterJson : JsonSerializerContext
{
}
