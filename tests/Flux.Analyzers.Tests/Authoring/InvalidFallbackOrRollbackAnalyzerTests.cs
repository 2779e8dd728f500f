using Flux.Shared.Diagnostics;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.InvalidFallbackOrRollbackAnalyzer>;

namespace Flux.Analyzers.Tests.Authoring;

public sealed class InvalidFallbackOrRollbackAnalyzerTests
{
    [Test]
    public Task Reports_a_missing_method_a_parameter_mismatch_and_a_result_that_does_not_convert() =>
        Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Flux;

            public sealed record Order(string Id);
            public sealed record Receipt(string Id);

            public partial class Payments
            {
                [Task(Retries = 2, {|#0:Fallback = "ChargeLater"|})]
                public static Receipt Charge(Order order) => new(order.Id);

                [Task({|#1:Rollback = nameof(Refund)|})]
                public static Receipt Pay(Order order) => new(order.Id);

                [Task({|#2:Fallback = nameof(Describe)|})]
                public static Task<Receipt> Quote(Order order) => Task.FromResult(new Receipt(order.Id));

                [Task({|#3:Fallback = nameof(Later)|})]
                public static Receipt Settle(Order order) => new(order.Id);

                public static void Refund(string orderId) { }
                public static string Describe(Order order) => order.Id;
                public Receipt Later(Order order) => new(order.Id);
            }
            """,
            Verify.Diagnostic(DiagnosticIds.InvalidFallbackOrRollback).WithLocation(0).WithArguments(
                "Charge", "fallback", "ChargeLater", "does not exist in 'Payments'",
                "declare 'static Receipt ChargeLater(Order order)' in 'Payments' and name it with nameof(...)"),
            Verify.Diagnostic(DiagnosticIds.InvalidFallbackOrRollback).WithLocation(1).WithArguments(
                "Pay", "rollback", "Refund", "takes (string orderId) instead of the task's parameters",
                "give it the task's parameters (Order order), optionally with a CancellationToken: 'static void Refund(Order order)'"),
            Verify.Diagnostic(DiagnosticIds.InvalidFallbackOrRollback).WithLocation(2).WithArguments(
                "Quote", "fallback", "Describe", "returns 'string', but its result must convert to the task's result 'Receipt'",
                "return 'Receipt' (or Task<Receipt>, ValueTask<Receipt>): 'static Receipt Describe(Order order)'"),
            Verify.Diagnostic(DiagnosticIds.InvalidFallbackOrRollback).WithLocation(3).WithArguments(
                "Settle", "fallback", "Later", "is an instance method while the task is static",
                "make it static: 'static Receipt Later(Order order)'"));

    [Test]
    public Task Does_not_report_companions_that_fit() =>
        Verify.VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Flux;

            public sealed record Order(string Id);
            public class Receipt { public Receipt(string id) { Id = id; } public string Id { get; } }
            public sealed class CachedReceipt : Receipt { public CachedReceipt(string id) : base(id) { } }

            public static partial class Payments
            {
                [Task(Retries = 2, Fallback = nameof(QueueCharge), Rollback = nameof(Refund))]
                public static async Task<Receipt> Charge(Order order, int cents, CancellationToken token)
                {
                    await Task.Delay(1, token);
                    return new Receipt(order.Id);
                }

                // The token may be left out, or taken anywhere; the result may be awaited and may convert.
                public static ValueTask<CachedReceipt> QueueCharge(Order order, int cents) => new(new CachedReceipt(order.Id));
                public static Task Refund(CancellationToken token, Order order, int cents) => Task.CompletedTask;

                [Task(Fallback = nameof(Skip), Rollback = nameof(Undo))]
                public static void Notify(string message) { }

                public static Task Skip(string message) => Task.CompletedTask;
                public static int Undo(string message) => 0; // a rollback's result is ignored
            }
            """);
}
