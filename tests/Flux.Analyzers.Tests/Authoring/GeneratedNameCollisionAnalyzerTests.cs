using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.GeneratedNameCollisionAnalyzer>;
using VerifyFix = Flux.Analyzers.Tests.FluxCodeFixTest<Flux.Analyzers.GeneratedNameCollisionAnalyzer, Flux.Analyzers.CodeFixes.RenameCollidingMethodCodeFixProvider>;

namespace Flux.Analyzers.Tests.Authoring;

public sealed class GeneratedNameCollisionAnalyzerTests
{
    [Test]
    public Task Reports_a_task_whose_handle_name_is_taken() =>
        Verify.VerifyAsync(
            """
            using Flux;

            public static partial class Greetings
            {
                public static readonly string SayHiTask = "taken";

                [Task] public static string {|#0:SayHi|}(string name) => "Hi, " + name;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(0).WithArguments(
                "Task", "SayHi", "SayHiTask", "'Greetings' already declares a member named 'SayHiTask'"));

    [Test]
    public Task Reports_the_handle_type_name_the_workflow_name_and_the_type_name() =>
        Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Flux;

            public static partial class Greetings
            {
                public sealed class SayHiTaskHandle { }

                public static string ParallelWorkflow() => "";

                [Task] public static string {|#0:SayHi|}(string name) => "Hi, " + name;

                [Workflow] public static Task<string> {|#1:ParallelAsync|}(ExecutionContext<string> context) => Task.FromResult(context.Input);
            }

            public static partial class EchoTask
            {
                [Task] public static string {|#2:Echo|}(string text) => text;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(0).WithArguments(
                "Task", "SayHi", "SayHiTaskHandle", "'Greetings' already declares a member named 'SayHiTaskHandle'"),
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(1).WithArguments(
                "Workflow", "ParallelAsync", "ParallelWorkflow", "'Greetings' already declares a member named 'ParallelWorkflow'"),
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(2).WithArguments(
                "Task", "Echo", "EchoTask", "the containing type is itself named 'EchoTask' and a member cannot have the name of its type"));

    [Test]
    public Task Reports_every_generated_name_the_diagram_and_the_fields_included() =>
        Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Flux;

            public partial class Flows
            {
                public const string FluentDiagram = "mine";
                private static int _staticWorkflow;
                private int _countTask;

                [Workflow] public static Task<string> {|#0:Fluent|}(ExecutionContext<string> context) => Task.FromResult(context.Input);

                [Workflow] public static int {|#1:Static|}(ExecutionContext<int> context) => context.Input;

                [Task] public int {|#2:Count|}(int x) => x;

                [Task] public static string Echo(string text) => text;

                [Workflow]
                [Node("a", nameof(Echo))]
                [StartWith("a")]
                [EndWith("a")]
                public static partial Task<string> {|#3:Declared|}(ExecutionContext<string> context);

                public static string DeclaredDiagram => "mine too";
            }
            """,
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(0).WithArguments(
                "Workflow", "Fluent", "FluentDiagram", "'Flows' already declares a member named 'FluentDiagram'"),
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(1).WithArguments(
                "Workflow", "Static", "_staticWorkflow", "'Flows' already declares a member named '_staticWorkflow'"),
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(2).WithArguments(
                "Task", "Count", "_countTask", "'Flows' already declares a member named '_countTask'"),
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(3).WithArguments(
                "Workflow", "Declared", "DeclaredDiagram", "'Flows' already declares a member named 'DeclaredDiagram'"),
            // This test runs no generator, so nothing implements the declarative graph here; in a build the generator
            // writes its body even when a name is taken, and FLUX103 is the only error.
            DiagnosticResult.CompilerError("CS8795").WithLocation(3).WithArguments("Flows.Declared(Flux.ExecutionContext<string>)"));

    [Test]
    public Task Reports_the_second_of_two_tasks_that_map_to_one_generated_name() =>
        Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Flux;

            public partial class Fetcher
            {
                [Task] public string Fetch(string url) => url;
                [Task] public Task<string> {|#0:FetchAsync|}(string url) => Task.FromResult(url);
            }
            """,
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(0).WithArguments(
                "Task", "FetchAsync", "FetchTask", "task method 'Fetch' generates the same name"));

    [Test]
    public Task Reports_the_backing_field_of_an_instance_handle_and_a_type_parameter() =>
        Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Flux;

            public partial class Greeter
            {
                private readonly string _sayHiTask = "taken";

                [Task] public string {|#0:SayHi|}(string name) => _sayHiTask + name;

                // A static task has no backing field.
                private static readonly string _echoTask = "free";

                [Task] public static string Echo(string text) => _echoTask + text;
            }

            public partial class Runner<RunWorkflow>
            {
                [Workflow] public static Task<string> {|#1:Run|}(ExecutionContext<string> context) => Task.FromResult(context.Input);
            }
            """,
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(0).WithArguments(
                "Task", "SayHi", "_sayHiTask", "'Greeter' already declares a member named '_sayHiTask'"),
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(1).WithArguments(
                "Workflow", "Run", "RunWorkflow", "'Runner' has a type parameter named 'RunWorkflow'"));

    [Test]
    public Task Reports_an_inherited_member_with_the_generated_name() =>
        Verify.VerifyAsync(
            """
            using Flux;

            public class Base
            {
                protected int SayHiTask;
            }

            public partial class Greetings : Base
            {
                [Task] public string {|#0:SayHi|}(string name) => "Hi, " + name + SayHiTask;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.GeneratedNameCollision).WithLocation(0).WithArguments(
                "Task", "SayHi", "SayHiTask", "base type 'Base' already has a member named 'SayHiTask'"));

    [Test]
    public Task Does_not_report_members_the_generator_added_nor_free_names() =>
        new FluxAnalyzerTest<GeneratedNameCollisionAnalyzer>("""
            using System.Threading.Tasks;
            using Flux;

            public static partial class Greetings
            {
                [Task] public static string SayHi(string name) => "Hi, " + name;

                // Its handle is ParallelWorkflowWorkflow: no collision with itself.
                [Workflow] public static Task<string> ParallelWorkflow(ExecutionContext<string> context) => Task.FromResult(context.Input);

                public static string SayHiTasks => "not the generated name";
            }
            """)
        {
            TestState =
            {
                Sources =
                {
                    ("Greetings.g.cs", """
                        // <auto-generated/>
                        public static partial class Greetings
                        {
                            public static SayHiTaskHandle SayHiTask { get; } = new();
                            public static object ParallelWorkflowWorkflow { get; } = new();

                            public sealed class SayHiTaskHandle { }
                        }
                        """),
                },
            },
        }.RunAsync();

    [Test]
    public async Task Carries_the_colliding_name_in_the_diagnostic_properties()
    {
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync<GeneratedNameCollisionAnalyzer>("""
            using Flux;

            public static partial class Greetings
            {
                public static int SayHiTask;

                [Task] public static string SayHiAsync(string name) => "Hi, " + name;
            }
            """);

        Assert.That(diagnostics, Has.Length.EqualTo(1));
        Assert.That(diagnostics[0].Properties[DiagnosticProperties.GeneratedName], Is.EqualTo("SayHiTask"));
    }

    [Test]
    public Task Fix_renames_the_method_and_its_references() =>
        VerifyFix.VerifyAsync(
            """
            using Flux;

            public static partial class Greetings
            {
                public static readonly string SayHiTask = "taken";

                [Task(Fallback = nameof(SayHi))] public static string {|FLUX103:SayHi|}(string name) => "Hi, " + name;

                public static string Twice(string name) => SayHi(name) + SayHi(name);
            }
            """,
            """
            using Flux;

            public static partial class Greetings
            {
                public static readonly string SayHiTask = "taken";

                [Task(Fallback = nameof(SayHiCore))] public static string SayHiCore(string name) => "Hi, " + name;

                public static string Twice(string name) => SayHiCore(name) + SayHiCore(name);
            }
            """);

    [Test]
    public Task Fix_keeps_the_async_suffix_and_skips_names_that_are_taken() =>
        VerifyFix.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Flux;

            public partial class Fetcher
            {
                public int FetchCoreTask;

                [Task] public string Fetch(string url) => url;
                [Task] public Task<string> {|FLUX103:FetchAsync|}(string url) => Task.FromResult(url);
            }
            """,
            """
            using System.Threading.Tasks;
            using Flux;

            public partial class Fetcher
            {
                public int FetchCoreTask;

                [Task] public string Fetch(string url) => url;
                [Task] public Task<string> FetchCore2Async(string url) => Task.FromResult(url);
            }
            """);
}
