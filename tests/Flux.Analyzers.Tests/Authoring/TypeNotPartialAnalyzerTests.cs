using Flux.Shared.Diagnostics;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.TypeNotPartialAnalyzer>;
using VerifyFix = Flux.Analyzers.Tests.FluxCodeFixTest<Flux.Analyzers.TypeNotPartialAnalyzer, Flux.Analyzers.CodeFixes.AddPartialCodeFixProvider>;

namespace Flux.Analyzers.Tests.Authoring;

public sealed class TypeNotPartialAnalyzerTests
{
    [Test]
    public Task Reports_a_task_in_a_class_that_is_not_partial_with_the_fix_in_the_message() =>
        Verify.VerifyAsync(
            """
            using Flux;

            public static class {|#0:Greetings|}
            {
                [Task] public static string SayHi(string name) => "Hi, " + name;
                [Task] public static string SayBye(string name) => "Bye, " + name;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments(
                "SayHi", "Task", "Greetings", "not partial", "add the 'partial' modifier to 'Greetings'"));

    [Test]
    public Task Reports_every_non_partial_type_of_the_containing_chain() =>
        Verify.VerifyAsync("""
            using Flux;
            using System.Threading.Tasks;

            public class {|FLUX101:Outer|}
            {
                public partial class Middle
                {
                    public class {|FLUX101:Inner|}
                    {
                        [Workflow] public Task<string> Run(ExecutionContext<string> context) => Task.FromResult(context.Input);
                    }
                }
            }
            """);

    [Test]
    public Task Reports_a_struct_as_unsupported() =>
        Verify.VerifyAsync(
            """
            using Flux;

            public partial struct {|#0:Counter|}
            {
                [Task] public static int Add(int a, int b) => a + b;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments(
                "Add", "Task", "Counter", "a struct, which the generator cannot extend", "declare 'Counter' as a partial class"));

    [Test]
    public Task Reports_a_file_local_class() =>
        Verify.VerifyAsync(
            """
            using Flux;

            file static partial class {|#0:Greetings|}
            {
                [Task] public static string SayHi(string name) => "Hi, " + name;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.TypeNotPartial).WithLocation(0).WithArguments(
                "SayHi", "Task", "Greetings", "file-local, so generated code in another file cannot extend it", "remove the 'file' modifier from 'Greetings'"));

    [Test]
    public Task Does_not_report_a_partial_class_nested_in_a_partial_struct_or_record() =>
        Verify.VerifyAsync("""
            using Flux;

            public partial struct Outer
            {
                public partial record Middle
                {
                    public static partial class Greetings
                    {
                        [Task] public static string SayHi(string name) => "Hi, " + name;
                    }
                }
            }
            """);

    [Test]
    public Task Does_not_report_partial_classes_nor_types_without_flux_methods() =>
        Verify.VerifyAsync("""
            using Flux;

            public partial class Outer
            {
                public static partial class Greetings
                {
                    [Task] public static string SayHi(string name) => "Hi, " + name;
                }
            }

            public class Plain
            {
                public static string SayHi(string name) => "Hi, " + name;
            }

            public struct PlainStruct
            {
                public int Value;
            }
            """);

    [Test]
    public Task Fix_adds_partial_to_the_type() =>
        VerifyFix.VerifyAsync(
            """
            using Flux;

            public static class {|FLUX101:Greetings|}
            {
                [Task] public static string SayHi(string name) => "Hi, " + name;
            }

            class {|FLUX101:NoModifiers|}
            {
                [Task] public string Echo(string text) => text;
            }
            """,
            """
            using Flux;

            public static partial class Greetings
            {
                [Task] public static string SayHi(string name) => "Hi, " + name;
            }

            partial class NoModifiers
            {
                [Task] public string Echo(string text) => text;
            }
            """);

    [Test]
    public Task Fix_adds_partial_to_every_type_of_the_chain() =>
        VerifyFix.VerifyAsync(
            """
            using Flux;

            public class {|FLUX101:Outer|}
            {
                internal sealed class {|FLUX101:Inner|}
                {
                    [Task] public static string SayHi(string name) => "Hi, " + name;
                }
            }
            """,
            """
            using Flux;

            public partial class Outer
            {
                internal sealed partial class Inner
                {
                    [Task] public static string SayHi(string name) => "Hi, " + name;
                }
            }
            """);

    [Test]
    public Task Fix_is_not_offered_for_a_struct()
    {
        const string source = """
            using Flux;

            public struct {|FLUX101:Counter|}
            {
                [Task] public static int Add(int a, int b) => a + b;
            }
            """;
        return VerifyFix.VerifyAsync(source, source);
    }
}
