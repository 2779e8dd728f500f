using System.Text.Json.Serialization;
using Flux.AotSample;

[assembly: FluxJsonContext(typeof(AotJson))]

// A durable order workflow on SQLite, in a NativeAOT executable: it runs, pauses for an approval, is resumed from the
// file with a new store (as another process would), replays what completed and finishes.
var folder = Path.Combine(Path.GetTempPath(), "flux-aot-sample", Guid.NewGuid().ToString("n"));
Directory.CreateDirectory(folder);
try
{
    var file = Path.Combine(folder, "flux.db");
    var order = new Order("o-42", [new Line("book", 2, 12.5m), new Line("pen", 3, 1.2m)]);

    await using (var store = new SqliteExecutionStore($"Data Source={file}"))
    {
        var ctx = await Orders.ProcessOrderWorkflow.RunAsync(order, new RunOptions { Store = store, Json = AotJson.Default.Options, ExecutionId = "order-1" });
        Console.WriteLine($"run: {ctx.State}, paused at '{ctx.PausedAt}', {ctx.Events.Count} events");
    }

    await using (var store = new SqliteExecutionStore($"Data Source={file}"))
    {
        var done = await Orders.ProcessOrderWorkflow.ResumeAsync("order-1", new Approval(true, "Mia"), new RunOptions { Store = store, Json = AotJson.Default.Options });
        Console.WriteLine($"resume: {done.State}: {done.Output}");
        Console.WriteLine($"priced {Orders.Pricings} time(s): the resume replayed it");
        return done.HasSucceeded && Orders.Pricings == 1 ? 0 : 1;
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

namespace Flux.AotSample
{
    /// <summary>An order line.</summary>
    public sealed record Line(string Item, int Quantity, decimal Price);

    /// <summary>An order.</summary>
    public sealed record Order(string Id, Line[] Lines);

    /// <summary>A priced order.</summary>
    public sealed record Invoice(string OrderId, decimal Total, Guid Number);

    /// <summary>The approval the workflow pauses for.</summary>
    public sealed record Approval(bool Approved, string By);

    /// <summary>The workflow and its tasks.</summary>
    public static partial class Orders
    {
        private static int s_pricings;

        /// <summary>How many times <see cref="Price"/> ran in this process.</summary>
        public static int Pricings => s_pricings;

        /// <summary>Prices an order.</summary>
        [Task]
        public static Invoice Price(Order order, Guid number)
        {
            Interlocked.Increment(ref s_pricings);
            return new Invoice(order.Id, order.Lines.Sum(l => l.Quantity * l.Price), number);
        }

        /// <summary>Prices every line at once.</summary>
        [Task]
        public static decimal LineTotal(Line line) => line.Quantity * line.Price;

        /// <summary>Prices the order, waits for an approval, and says who approved what.</summary>
        [Workflow(Name = "process_order")]
        public static async Task<string> ProcessOrder(ExecutionContext<Order> ctx)
        {
            var totals = await LineTotalTask.Map(ctx.Input.Lines);
            var invoice = await PriceTask.Call(ctx.Input, await Workflow.NewGuid());
            var approval = await Workflow.Pause<Approval>("approval");
            return $"{invoice.OrderId}: {totals.Length} lines, {invoice.Total:0.00} {(approval.Approved ? "approved" : "rejected")} by {approval.By}";
        }
    }

    /// <summary>The reflection-free JSON metadata of every value the workflow records.</summary>
    [JsonSerializable(typeof(Order))]
    [JsonSerializable(typeof(Invoice))]
    [JsonSerializable(typeof(Approval))]
    [JsonSerializable(typeof(decimal[]))]
    [JsonSerializable(typeof(Guid))]
    internal sealed partial class AotJson : JsonSerializerContext
    {
    }
}
