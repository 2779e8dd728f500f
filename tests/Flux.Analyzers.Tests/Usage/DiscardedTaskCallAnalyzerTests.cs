using Flux.Shared.Diagnostics;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.DiscardedTaskCallAnalyzer>;
using VerifyFix = Flux.Analyzers.Tests.FluxCodeFixTest<Flux.Analyzers.DiscardedTaskCallAnalyzer, Flux.Analyzers.CodeFixes.AwaitTaskCallCodeFixProvider>;

namespace Flux.Analyzers.Tests.Usage;

public sealed class DiscardedTaskCallAnalyzerTests
{
    // A hand-written stand-in for the generated handle: the analyzer tests do not run the generator.
    private const string Prelude = """
        using System.Threading.Tasks;
        using Flux;

        public static partial class Greetings
        {
            public static SayHiHandle SayHiTask => null!;

            public sealed class SayHiHandle { public TaskCall<string> Call(string name) => null!; }

            private static TaskCall<string>? s_kept;

        """;

    [Test]
    public Task Reports_a_task_call_used_as_a_statement_or_discarded() =>
        Verify.VerifyAsync(
            Prelude + """
                [Workflow]
                public static async Task<string> Greet(ExecutionContext<string> context)
                {
                    {|#0:SayHiTask.Call(context.Input)|};
                    _ = {|#1:SayHiTask.Call("again")|};
                    return await SayHiTask.Call(context.Input);
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.DiscardedTaskCall).WithLocation(0).WithArguments("The TaskCall 'SayHiTask.Call(context.Input)'"),
            Verify.Diagnostic(DiagnosticIds.DiscardedTaskCall).WithLocation(1).WithArguments("The TaskCall 'SayHiTask.Call(\"again\")'"));

    [Test]
    public Task Reports_a_local_holding_a_task_call_that_is_never_read() =>
        Verify.VerifyAsync(
            Prelude + """
                public static async Task<string> Greet(string name)
                {
                    var call = {|#0:SayHiTask.Call(name)|};
                    return await SayHiTask.Call(name);
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.DiscardedTaskCall).WithLocation(0).WithArguments("The TaskCall stored in local 'call'"));

    [Test]
    public Task Does_not_report_task_calls_that_are_awaited_stored_passed_or_read() =>
        Verify.VerifyAsync(Prelude + """
                public static async Task<string> Greet(string name)
                {
                    var later = SayHiTask.Call(name);
                    s_kept = SayHiTask.Call(name);
                    Keep(SayHiTask.Call(name));
                    TaskCall<string> assignedLater;
                    assignedLater = SayHiTask.Call(name);
                    return await later + await assignedLater + await SayHiTask.Call(name);
                }

                private static void Keep(TaskCall<string> call) => s_kept = call;
            }
            """);

    [Test]
    public Task Fix_awaits_the_task_call() =>
        VerifyFix.VerifyAsync(
            Prelude + """
                public static async Task Greet(string name)
                {
                    {|FLUX302:SayHiTask.Call(name)|};
                    var unused = {|FLUX302:SayHiTask.Call(name)|};
                }
            }
            """,
            Prelude + """
                public static async Task Greet(string name)
                {
                    await SayHiTask.Call(name);
                    var unused = await SayHiTask.Call(name);
                }
            }
            """);

    [Test]
    public Task Fix_is_not_offered_where_await_is_not_allowed()
    {
        var source = Prelude + """
                public static void Greet(string name)
                {
                    {|FLUX302:SayHiTask.Call(name)|};
                }
            }
            """;
        return VerifyFix.VerifyAsync(source, source);
    }
}
