using System.Text.Json.Serialization;
using Flux.Shared.Declarations.Json;
using Flux.Shared.Diagnostics;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.JsonContextAnalyzer>;

namespace Flux.Analyzers.Tests.Authoring;

public sealed class JsonContextAnalyzerTests
{
    /// <summary>A context as System.Text.Json's generator would complete it (the generator does not run in these tests).</summary>
    private const string Context = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading;
        using System.Threading.Tasks;
        using Flux;

        [assembly: FluxJsonContext(typeof(AppJson))]

        [JsonSerializable(typeof(Order))]
        [JsonSerializable(typeof(List<Receipt>))]
        public sealed partial class AppJson() : JsonSerializerContext(null)
        {
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        public sealed record Line(string Sku, int Count);
        public sealed record Order(string Id, List<Line> Lines, Address? ShipTo);
        public readonly record struct Address(string City);
        public sealed record Receipt(string Id, decimal Total);
        public sealed record Refund(string Id);

        """;

    [Test]
    public Task Reports_task_and_workflow_types_the_context_cannot_serialize() =>
        Verify.VerifyAsync(
            Context + """
            public static partial class Shop
            {
                [Task] public static Receipt Pay(Order order, Refund {|#0:refund|}, CancellationToken token) => new(order.Id, 0);

                [Task(Name = "refund")] public static Task<Refund> {|#1:Back|}(Receipt receipt) => Task.FromResult(new Refund(receipt.Id));

                [Workflow] public static Task<Order> {|#2:Ship|}(ExecutionContext<Refund> ctx) => Task.FromResult(new Order(ctx.Input.Id, [], null));
            }
            """,
            Verify.Diagnostic(DiagnosticIds.NotInJsonContext).WithLocation(0)
                .WithArguments("Task", "Pay", "takes parameter 'refund' of type", "Refund", "AppJson"),
            Verify.Diagnostic(DiagnosticIds.NotInJsonContext).WithLocation(1).WithArguments("Task", "refund", "returns", "Refund", "AppJson"),
            Verify.Diagnostic(DiagnosticIds.NotInJsonContext).WithLocation(2).WithArguments("Workflow", "Ship", "takes input of type", "Refund", "AppJson"));

    [Test]
    public Task Registered_types_what_they_are_made_of_and_Flux_own_types_are_not_reported() =>
        Verify.VerifyAsync(Context + """
            public static partial class Shop
            {
                [Task] public static Receipt Pay(Order order, Line line, Address? shipTo, List<Line> lines, int retries, string? note, DateTimeOffset at, CancellationToken token) => new(order.Id, 0);

                [Task] public static Task Log(string message, byte[] data, Guid id) => Task.CompletedTask;

                [Workflow] public static Task<List<Receipt>> Ship(ExecutionContext<Order> ctx) => Task.FromResult(new List<Receipt>());

                [Workflow] public static Task<string[]> Names(ExecutionContext<JsonElement> ctx) => Task.FromResult(Array.Empty<string>());
            }
            """);

    [Test]
    public Task Without_a_registered_context_nothing_is_reported() =>
        Verify.VerifyAsync("""
            using Flux;

            public sealed record Refund(string Id);

            public static partial class Shop
            {
                [Task] public static Refund Back(Refund refund) => refund;
            }
            """);

    [Test]
    public void The_list_of_Flux_own_types_is_the_runtime_context_list()
    {
        var builtin = typeof(Workflow).Assembly.GetType("Flux.BuiltinJson", throwOnError: true)!;
        var registered = builtin.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => CSharpName((Type)a.ConstructorArguments[0].Value!))
            .ToList();
        Assert.That(registered, Is.EquivalentTo(JsonContext.BuiltinTypes));
    }

    private static string CSharpName(Type type) => type switch
    {
        { IsArray: true } => CSharpName(type.GetElementType()!) + "[]",
        _ when type == typeof(string) => "string",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(byte) => "byte",
        _ when type == typeof(sbyte) => "sbyte",
        _ when type == typeof(short) => "short",
        _ when type == typeof(ushort) => "ushort",
        _ when type == typeof(int) => "int",
        _ when type == typeof(uint) => "uint",
        _ when type == typeof(long) => "long",
        _ when type == typeof(ulong) => "ulong",
        _ when type == typeof(float) => "float",
        _ when type == typeof(double) => "double",
        _ when type == typeof(decimal) => "decimal",
        _ when type == typeof(char) => "char",
        _ => type.FullName!,
    };
}
