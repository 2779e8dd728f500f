using System.Text.Json.Serialization;

[assembly: Flux.FluxJsonContext(typeof(Flux.WebApp.AppJson))]

namespace Flux.WebApp;

public sealed record OrderLine(string Sku, int Quantity, decimal Price);

public sealed record Order(string Id, string Customer, List<OrderLine> Lines);

public sealed record Invoice(string OrderId, decimal Total, string Reference);

/// <summary>The JSON of the workflows' inputs, outputs and task values (what the store keeps and the API reads).</summary>
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(OrderLine))]
internal sealed partial class AppJson : JsonSerializerContext
{
}

/// <summary>The sample's workflows: a pipeline with a retry, a Map, a pause for a person, and a graph with a diagram.</summary>
public static partial class Workflows
{
    // ---- orders: validate, price, invoice (the invoice service fails now and then, so it retries) ----

    [Task]
    public static Order Validate(Order order) =>
        order.Lines.Count == 0 ? throw new ArgumentException($"Order {order.Id} has no lines.", nameof(order)) : order;

    [Task]
    public static decimal Price(Order order) => order.Lines.Sum(line => line.Quantity * line.Price);

    [Task(Retries = 2, RetryDelay = "200ms")]
    public static async Task<Invoice> SendInvoice(string orderId, decimal total, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
        return Random.Shared.Next(3) == 0
            ? throw new TimeoutException("The invoice service did not answer in time.")
            : new Invoice(orderId, total, $"INV-{orderId}");
    }

    [Workflow(Name = "order")]
    public static async Task<Invoice> ProcessOrder(ExecutionContext<Order> ctx)
    {
        var order = await ValidateTask.Call(ctx.Input);
        var total = await PriceTask.Call(order);
        return await SendInvoiceTask.Call(order.Id, total);
    }

    // ---- thumbnails: one call per image, in parallel ----

    [Task]
    public static async Task<string> Thumbnail(string image, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(200 + (image.Length * 37 % 400)), cancellationToken);
        return $"thumbs/{Path.GetFileNameWithoutExtension(image)}.webp";
    }

    [Workflow(Name = "thumbnails")]
    public static Task<string[]> Thumbnails(ExecutionContext<string[]> ctx) => ThumbnailTask.Map(ctx.Input);

    // ---- expenses: a person approves (resume with true or false) ----

    [Workflow(Name = "expense")]
    public static async Task<string> Expense(ExecutionContext<decimal> ctx)
    {
        if (ctx.Input <= 100m)
        {
            return "approved automatically";
        }

        return await Workflow.Pause<bool>("manager-approval") ? "approved by the manager" : "rejected by the manager";
    }

    // ---- signup: a graph, so the dashboard draws its diagram ----

    [Task]
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    [Task]
    public static string CreateAccount(string email) => $"account:{email}";

    [Task]
    public static string Welcome(string account) => $"welcome mail sent to {account}";

    [Workflow(Name = "signup")]
    public static async Task<string> Signup(ExecutionContext<string> ctx) =>
        await new Graph("signup")
            .AddNode("normalize", NormalizeTask)
            .AddNode("create_account", CreateAccountTask)
            .AddNode("welcome", WelcomeTask)
            .AddEdge("normalize", "create_account")
            .AddEdge("create_account", "welcome")
            .StartWith("normalize")
            .EndWith("welcome")
            .RunAsync<string, string>(ctx.Input);
}
