using Flux.Shared.Diagnostics;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.DuplicateNameAnalyzer>;

namespace Flux.Analyzers.Tests.Authoring;

public sealed class DuplicateNameAnalyzerTests
{
    [Test]
    public Task Reports_every_duplicate_task_name_but_the_first() =>
        Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Flux;

            public static partial class Greetings
            {
                [Task] public static string SayHi(string name) => "Hi, " + name;
            }

            public static partial class Other
            {
                [Task] public static Task<string> {|#0:SayHiAsync|}(string name) => Task.FromResult(name);
            }

            public static partial class Third
            {
                [Task(Name = "SayHi")] public static string {|#1:Hello|}(string name) => name;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.DuplicateName).WithLocation(0).WithArguments(
                "Task", "SayHi", "Other.SayHiAsync", "Greetings.SayHi"),
            Verify.Diagnostic(DiagnosticIds.DuplicateName).WithLocation(1).WithArguments(
                "Task", "SayHi", "Third.Hello", "Greetings.SayHi"));

    [Test]
    public Task Reports_duplicate_workflow_names() =>
        Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Flux;

            public static partial class Orders
            {
                [Workflow(Name = "checkout")] public static Task<string> Checkout(ExecutionContext<string> context) => Task.FromResult(context.Input);
            }

            public static partial class Carts
            {
                [Workflow(Name = "checkout")] public static Task<string> {|#0:Pay|}(ExecutionContext<string> context) => Task.FromResult(context.Input);
            }
            """,
            Verify.Diagnostic(DiagnosticIds.DuplicateName).WithLocation(0).WithArguments(
                "Workflow", "checkout", "Carts.Pay", "Orders.Checkout"));

    [Test]
    public Task Does_not_report_distinct_names_nor_a_task_and_a_workflow_sharing_one() =>
        Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Flux;

            public static partial class Greetings
            {
                [Task] public static string Greet(string name) => "Hi, " + name;
                [Workflow] public static Task<string> Greet(ExecutionContext<string> context) => Task.FromResult(context.Input);
            }

            public static partial class Other
            {
                [Task(Name = "OtherGreet")] public static string Greet(string name) => name;
                [Task] public static string Wave(string name) => name;
            }
            """);
}
