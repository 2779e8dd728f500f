using VerifyFix = Flux.Analyzers.Tests.FluxCodeFixTest<Flux.Analyzers.DeterminismAnalyzer, Flux.Analyzers.CodeFixes.DeterminismCodeFixProvider>;

namespace Flux.Analyzers.Tests.Fixes;

/// <summary>The FLUX201-FLUX205 fixes to the recorded <c>Workflow.*</c> built-ins.</summary>
public sealed class DeterminismCodeFixTests
{
    private const string Head = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Flux;

        public static partial class Flows
        {
        """;

    private const string Tail = """

        }
        """;

    private static Task Verify(string before, string after) => VerifyFix.VerifyAsync(Head + before + Tail, Head + after + Tail);

    [Test]
    public Task Clock_reads_become_Workflow_Now() =>
        Verify(
            """
                [Workflow]
                public static async Task<string> Stamp(ExecutionContext<string> ctx)
                {
                    var a = {|FLUX201:DateTimeOffset.UtcNow|};
                    var b = {|FLUX201:DateTime.UtcNow|}.AddDays(1);
                    var c = {|FLUX201:DateTime.Now|};
                    var d = {|FLUX201:DateTime.Today|};
                    var e = {|FLUX201:DateTimeOffset.Now|};
                    return ctx.Input + a + b + c + d + e;
                }
            """,
            """
                [Workflow]
                public static async Task<string> Stamp(ExecutionContext<string> ctx)
                {
                    var a = await Workflow.Now();
                    var b = (await Workflow.Now()).UtcDateTime.AddDays(1);
                    var c = (await Workflow.Now()).LocalDateTime;
                    var d = (await Workflow.Now()).LocalDateTime.Date;
                    var e = (await Workflow.Now()).ToLocalTime();
                    return ctx.Input + a + b + c + d + e;
                }
            """);

    [Test]
    public Task NewGuid_and_NextDouble_become_their_builtins() =>
        Verify(
            """
                [Workflow]
                public static async Task<string> Pick(ExecutionContext<string> ctx) =>
                    ctx.Input + {|FLUX202:Guid.NewGuid()|} + {|FLUX203:Random.Shared|}.NextDouble() + {|FLUX203:new Random()|}.NextDouble();
            """,
            """
                [Workflow]
                public static async Task<string> Pick(ExecutionContext<string> ctx) =>
                    ctx.Input + await Workflow.NewGuid() + await Workflow.Random() + await Workflow.Random();
            """);

    [Test]
    public Task Delays_become_Workflow_Sleep() =>
        Verify(
            """
                [Workflow]
                public static async Task<int> Wait(ExecutionContext<int> ctx)
                {
                    await {|FLUX204:Task.Delay(TimeSpan.FromMinutes(5))|};
                    await {|FLUX204:Task.Delay(250)|};
                    {|FLUX204:Thread.Sleep(ctx.Input)|};
                    return ctx.Input;
                }
            """,
            """
                [Workflow]
                public static async Task<int> Wait(ExecutionContext<int> ctx)
                {
                    await Workflow.Sleep(TimeSpan.FromMinutes(5));
                    await Workflow.Sleep(TimeSpan.FromMilliseconds(250));
                    await Workflow.Sleep(TimeSpan.FromMilliseconds(ctx.Input));
                    return ctx.Input;
                }
            """);

    [Test]
    public Task WhenAll_over_started_task_calls_becomes_Workflow_Parallel() =>
        Verify(
            """
                [Workflow]
                public static async Task<double[]> Both(ExecutionContext<int> ctx) =>
                    await {|FLUX205:Task.WhenAll(Workflow.Random().RunAsync().AsTask(), Workflow.Random().RunAsync().AsTask())|};
            """,
            """
                [Workflow]
                public static async Task<double[]> Both(ExecutionContext<int> ctx) =>
                    await Workflow.Parallel(Workflow.Random(), Workflow.Random());
            """);

    [Test]
    public Task No_fix_where_await_is_not_allowed_or_no_builtin_fits()
    {
        var source = Head + """
                [Workflow]
                public static string Stamp(ExecutionContext<string> ctx) =>
                    ctx.Input + {|FLUX201:DateTime.UtcNow|} + {|FLUX202:Guid.NewGuid()|} + {|FLUX203:Random.Shared|}.Next();

                [Workflow]
                public static async Task<int> Wait(ExecutionContext<int> ctx)
                {
                    var pending = {|FLUX204:Task.Delay(10)|};
                    await pending;
                    return await {|FLUX205:Task.Run(() => ctx.Input)|};
                }
            """ + Tail;
        return VerifyFix.VerifyAsync(source, source);
    }
}
