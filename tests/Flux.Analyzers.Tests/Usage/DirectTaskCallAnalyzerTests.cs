using Flux.Shared.Diagnostics;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.DirectTaskCallAnalyzer>;
using VerifyFix = Flux.Analyzers.Tests.FluxCodeFixTest<Flux.Analyzers.DirectTaskCallAnalyzer, Flux.Analyzers.CodeFixes.DirectTaskCallCodeFixProvider>;

namespace Flux.Analyzers.Tests.Usage;

public sealed class DirectTaskCallAnalyzerTests
{
    // The analyzer tests do not run the generator: the handles the fix calls are declared by hand, in a second partial part.
    private const string Handles = """

        public static partial class Greetings
        {
            public static SayHiHandle SayHiTask => null!;
            public static SayHelloHandle SayHelloTask => null!;

            public sealed class SayHiHandle { public TaskCall<string> Call(string name) => null!; }
            public sealed class SayHelloHandle { public TaskCall<string> Call(string name) => null!; }
        }
        """;

    private const string Tasks = """
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Flux;

        public static partial class Greetings
        {
            [Task] public static string SayHi(string name) => "Hi, " + name;
            [Task] public static async Task<string> SayHello(string name, CancellationToken cancellationToken) { await Task.Delay(1, cancellationToken); return "Hello, " + name; }

        """;

    [Test]
    public Task Reports_a_task_called_directly_in_a_workflow() =>
        Verify.VerifyAsync(
            Tasks + """
                [Workflow]
                public static async Task<string> Greet(ExecutionContext<string> context)
                {
                    var hello = await {|#1:SayHello(context.Input, CancellationToken.None)|};
                    return {|#0:SayHi(context.Input)|} + hello;
                }
            }
            """ + Handles,
            Verify.Diagnostic(DiagnosticIds.DirectTaskCall).WithLocation(0).WithArguments("SayHi", "Greet", "SayHiTask"),
            Verify.Diagnostic(DiagnosticIds.DirectTaskCall).WithLocation(1).WithArguments("SayHello", "Greet", "SayHelloTask"));

    [Test]
    public Task Reports_a_call_in_a_lambda_of_a_workflow_and_through_the_type_name() =>
        Verify.VerifyAsync(Tasks + """
                [Workflow]
                public static string[] Many(ExecutionContext<string[]> context) =>
                    context.Input.Select(name => {|FLUX301:Greetings.SayHi(name)|}).ToArray();
            }
            """ + Handles);

    [Test]
    public Task Does_not_report_calls_from_tasks_or_plain_methods_nor_nameof() =>
        Verify.VerifyAsync(Tasks + """
                [Task] public static string SayHiTwice(string name) => SayHi(name) + SayHi(name);

                public static string Helper(string name) => SayHi(name);

                [Workflow]
                public static async Task<string> Greet(ExecutionContext<string> context) =>
                    nameof(SayHi) + await SayHiTask.Call(context.Input) + Helper(context.Input);
            }
            """ + Handles);

    [Test]
    public Task Fix_calls_through_the_handle_and_awaits_a_synchronous_task() =>
        VerifyFix.VerifyAsync(
            Tasks + """
                [Workflow]
                public static async Task<int> Greet(ExecutionContext<string> context)
                {
                    var hi = {|FLUX301:SayHi(context.Input)|};
                    return {|FLUX301:SayHi(hi)|}.Length;
                }
            }
            """ + Handles,
            Tasks + """
                [Workflow]
                public static async Task<int> Greet(ExecutionContext<string> context)
                {
                    var hi = await SayHiTask.Call(context.Input);
                    return (await SayHiTask.Call(hi)).Length;
                }
            }
            """ + Handles);

    [Test]
    public Task Fix_keeps_an_existing_await_and_drops_the_cancellation_token() =>
        VerifyFix.VerifyAsync(
            Tasks + """
                [Workflow]
                public static async Task<string> Greet(ExecutionContext<string> context) =>
                    await {|FLUX301:Greetings.SayHello(context.Input, CancellationToken.None)|};
            }
            """ + Handles,
            Tasks + """
                [Workflow]
                public static async Task<string> Greet(ExecutionContext<string> context) =>
                    await Greetings.SayHelloTask.Call(context.Input);
            }
            """ + Handles);

    [Test]
    public Task Fix_is_not_offered_where_await_is_not_allowed()
    {
        var source = Tasks + """
                [Workflow]
                public static string Greet(ExecutionContext<string> context) => {|FLUX301:SayHi(context.Input)|};
            }
            """ + Handles;
        return VerifyFix.VerifyAsync(source, source);
    }
}
