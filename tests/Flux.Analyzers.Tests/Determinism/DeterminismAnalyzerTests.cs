using Flux.Shared.Diagnostics;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.DeterminismAnalyzer>;

namespace Flux.Analyzers.Tests.Determinism;

/// <summary>FLUX201-FLUX207, one firing and one non-firing case each (and the edges between a workflow body and the rest).</summary>
public sealed class DeterminismAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Flux;

        """;

    private static Task VerifyWorkflows(string members, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify.VerifyAsync(Usings + "public static partial class Flows\n{\n" + members + "\n}\n", expected);

    // ---- FLUX201: the clock -------------------------------------------------------------------------------------------

    [Test]
    public Task Clock_reads_in_a_workflow_body_its_lambdas_and_local_functions_are_reported() =>
        VerifyWorkflows("""
                [Workflow]
                public static async Task<string> Stamp(ExecutionContext<string> ctx)
                {
                    var a = {|#0:DateTime.UtcNow|};
                    Func<DateTimeOffset> b = () => {|FLUX201:DateTimeOffset.Now|};
                    long Ticks() => {|FLUX201:Environment.TickCount64|};
                    var watch = {|FLUX201:Stopwatch.StartNew()|};
                    var provider = {|FLUX201:TimeProvider.System|};
                    var today = {|FLUX201:DateTime.Today|};
                    await Task.Yield();
                    return a.ToString() + b() + Ticks() + watch.ElapsedTicks + provider + today;
                }
            """,
            Verify.Diagnostic(DiagnosticIds.WorkflowReadsClock).WithLocation(0)
                .WithArguments("Stamp", "DateTime.UtcNow", "use 'await Workflow.Now()', which records the time once and replays it"));

    [Test]
    public Task Clock_reads_in_tasks_and_ordinary_methods_are_not_reported() =>
        VerifyWorkflows("""
                [Task] public static DateTime Now() => DateTime.UtcNow;

                public static long Helper() => Stopwatch.GetTimestamp();

                [Workflow]
                public static async Task<DateTimeOffset> Stamp(ExecutionContext<string> ctx) =>
                    (await Workflow.Now()).AddSeconds(DateTime.MaxValue.Second + TimeSpan.FromSeconds(1).Seconds);
            """);

    // ---- FLUX202: Guid.NewGuid ------------------------------------------------------------------------------------------

    [Test]
    public Task NewGuid_in_a_workflow_is_reported() =>
        VerifyWorkflows("""
                [Workflow]
                public static string Id(ExecutionContext<string> ctx) => ctx.Input + {|#0:Guid.NewGuid()|};
            """,
            Verify.Diagnostic(DiagnosticIds.WorkflowNewGuid).WithLocation(0).WithArguments("Id"));

    [Test]
    public Task Parsed_and_empty_guids_and_NewGuid_in_a_task_are_not_reported() =>
        VerifyWorkflows("""
                [Task] public static Guid Make() => Guid.NewGuid();

                [Workflow]
                public static async Task<string> Id(ExecutionContext<string> ctx) =>
                    Guid.Empty.ToString() + Guid.Parse(ctx.Input) + await Workflow.NewGuid();
            """);

    // ---- FLUX203: Random ------------------------------------------------------------------------------------------------

    [Test]
    public Task Unseeded_random_in_a_workflow_is_reported() =>
        VerifyWorkflows("""
                [Workflow]
                public static int Pick(ExecutionContext<int> ctx) =>
                    {|#0:Random.Shared|}.Next(ctx.Input) + {|FLUX203:new Random()|}.Next();
            """,
            Verify.Diagnostic(DiagnosticIds.WorkflowRandom).WithLocation(0).WithArguments("Pick", "Random.Shared"));

    [Test]
    public Task Seeded_random_and_Workflow_Random_are_not_reported() =>
        VerifyWorkflows("""
                [Task] public static int Draw() => Random.Shared.Next();

                [Workflow]
                public static async Task<double> Pick(ExecutionContext<int> ctx) =>
                    new Random(42).Next(ctx.Input) + await Workflow.Random();
            """);

    // ---- FLUX204: Task.Delay / Thread.Sleep ---------------------------------------------------------------------------

    [Test]
    public Task Delays_in_a_workflow_are_reported() =>
        VerifyWorkflows("""
                [Workflow]
                public static async Task<int> Wait(ExecutionContext<int> ctx)
                {
                    await {|#0:Task.Delay(TimeSpan.FromHours(1))|};
                    {|FLUX204:Thread.Sleep(10)|};
                    return ctx.Input;
                }
            """,
            Verify.Diagnostic(DiagnosticIds.WorkflowDelay).WithLocation(0).WithArguments("Wait", "Task.Delay"));

    [Test]
    public Task Workflow_Sleep_and_delays_in_tasks_are_not_reported() =>
        VerifyWorkflows("""
                [Task] public static async Task<int> Slow(int x) { await Task.Delay(10); Thread.Sleep(1); return x; }

                [Workflow]
                public static async Task<int> Wait(ExecutionContext<int> ctx)
                {
                    await Workflow.Sleep(TimeSpan.FromHours(1));
                    await Task.Yield();
                    return ctx.Input;
                }
            """);

    // ---- FLUX205: concurrency outside the patterns --------------------------------------------------------------------

    [Test]
    public Task Threads_Task_Run_Parallel_and_WhenAll_over_other_work_are_reported() =>
        VerifyWorkflows("""
                static async Task<int> HelperAsync(int x) { await Task.Yield(); return x; }

                [Workflow]
                public static async Task<int> Fan(ExecutionContext<int[]> ctx)
                {
                    var a = await {|#0:Task.Run(() => 1)|};
                    {|FLUX205:Parallel.For(0, 3, i => { })|};
                    {|FLUX205:new Thread(() => { })|}.Start();
                    var all = await {|FLUX205:Task.WhenAll(ctx.Input.Select(HelperAsync))|};
                    var first = await {|FLUX205:Task.WhenAny(HelperAsync(1), HelperAsync(2))|};
                    return a + all.Sum() + first.Result;
                }
            """,
            Verify.Diagnostic(DiagnosticIds.WorkflowConcurrency).WithLocation(0)
                .WithArguments("Fan", "Task.Run", "run the calls with Workflow.Parallel or a handle's Map, or move the work into a task"));

    [Test]
    public Task Flux_patterns_and_tasks_held_in_locals_are_not_reported() =>
        VerifyWorkflows("""
                [Task] public static async Task<int> Fan(int x) => (await Task.WhenAll(Task.Run(() => x), Task.Run(() => 1))).Sum();

                [Workflow]
                public static async Task<int> Both(ExecutionContext<int> ctx)
                {
                    var now = Workflow.Now();
                    Task<double> held = Workflow.Random().RunAsync().AsTask();
                    await Task.WhenAll(held, held);
                    var both = await Task.WhenAll(Workflow.Parallel(Workflow.Random(), Workflow.Random()), Workflow.Parallel(Workflow.Random()));
                    return both.Length + (await now).Second;
                }
            """);

    // ---- FLUX206: I/O ---------------------------------------------------------------------------------------------------

    [Test]
    public Task Files_http_and_console_input_in_a_workflow_are_reported() =>
        VerifyWorkflows("""
                [Workflow]
                public static async Task<int> Read(ExecutionContext<string> ctx)
                {
                    var text = {|#0:File.ReadAllText(ctx.Input)|};
                    using var reader = {|FLUX206:new StreamReader(ctx.Input)|};
                    using var http = new HttpClient();
                    var page = await {|FLUX206:http.GetStringAsync(ctx.Input)|};
                    var typed = {|FLUX206:Console.ReadLine()|};
                    {|FLUX206:new FileInfo(ctx.Input).Delete()|};
                    return text.Length + page.Length + (typed?.Length ?? 0);
                }
            """,
            Verify.Diagnostic(DiagnosticIds.WorkflowIO).WithLocation(0).WithArguments("Read", "File.ReadAllText"));

    [Test]
    public Task IO_in_a_task_paths_and_console_output_in_a_workflow_are_not_reported() =>
        VerifyWorkflows("""
                [Task] public static string Load(string path) => File.ReadAllText(path);

                [Workflow]
                public static string Name(ExecutionContext<string> ctx)
                {
                    Console.WriteLine("naming " + ctx.Input);
                    using var memory = new StreamReader(new MemoryStream());
                    return Path.Combine(Path.GetFileName(ctx.Input), "x");
                }
            """);

    // ---- FLUX207: mutable static state ----------------------------------------------------------------------------------

    [Test]
    public Task Reads_and_writes_of_mutable_statics_of_the_project_are_reported() =>
        VerifyWorkflows("""
                public static int Counter;
                public static string Mode { get; set; } = "a";

                [Workflow]
                public static int Count(ExecutionContext<int> ctx)
                {
                    {|#0:Counter|}++;
                    {|#1:Mode|} = "b";
                    return {|FLUX207:Counter|} + {|FLUX207:Mode|}.Length + ctx.Input;
                }
            """,
            Verify.Diagnostic(DiagnosticIds.WorkflowStaticState).WithLocation(0).WithArguments("Count", "writes", "Flows.Counter"),
            Verify.Diagnostic(DiagnosticIds.WorkflowStaticState).WithLocation(1).WithArguments("Count", "writes", "Flows.Mode"));

    [Test]
    public Task Constants_readonly_get_only_and_framework_statics_are_not_reported() =>
        VerifyWorkflows("""
                public const int Limit = 3;
                public static readonly string[] Names = ["a"];
                public static string Label { get; } = "x";
                public static int Shared;

                [Task] public static int Bump() => ++Shared;

                [Workflow]
                public static int Count(ExecutionContext<int> ctx) =>
                    Limit + Names.Length + Label.Length + string.Empty.Length + int.MaxValue % 2 + Environment.NewLine.Length + ctx.Input;
            """);
}
