using Flux.Shared.Diagnostics;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.UnsupportedTaskSignatureAnalyzer>;

namespace Flux.Analyzers.Tests.Authoring;

public sealed class UnsupportedTaskSignatureAnalyzerTests
{
    [Test]
    public Task Reports_a_generic_task_on_its_name_with_the_reason() =>
        Verify.VerifyAsync(
            """
            using Flux;

            public static partial class Tasks
            {
                [Task] public static T {|#0:Echo|}<T>(T value) => value;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.UnsupportedTaskSignature).WithLocation(0).WithArguments(
                "Echo", "it is generic; declare one non-generic task per type argument you need"));

    [Test]
    public Task Reports_each_parameter_the_generator_cannot_pass() =>
        Verify.VerifyAsync(
            """
            using System;
            using System.Threading;
            using Flux;

            public static partial class Tasks
            {
                [Task] public static void Increment(ref int {|#0:counter|}) => counter++;
                [Task] public static void Parse(string text, out int {|#1:value|}) => value = int.Parse(text);
                [Task] public static int Read(in int {|#2:value|}) => value;
                [Task] public static int Sum(params int[] {|#3:values|}) => values.Length;
                [Task] public static int Count(Span<int> {|#4:items|}) => items.Length;
                [Task] public static int Wait(CancellationToken first, CancellationToken {|#5:second|}) => 0;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.UnsupportedTaskSignature).WithLocation(0).WithArguments(
                "Increment", "parameter 'counter' is passed by 'ref'; take it by value and return what the task computes"),
            Verify.Diagnostic(DiagnosticIds.UnsupportedTaskSignature).WithLocation(1).WithArguments(
                "Parse", "parameter 'value' is passed by 'out'; take it by value and return what the task computes"),
            Verify.Diagnostic(DiagnosticIds.UnsupportedTaskSignature).WithLocation(2).WithArguments(
                "Read", "parameter 'value' is passed by 'in'; take it by value and return what the task computes"),
            Verify.Diagnostic(DiagnosticIds.UnsupportedTaskSignature).WithLocation(3).WithArguments(
                "Sum", "parameter 'values' is 'params'; remove 'params' and take an array or a list"),
            Verify.Diagnostic(DiagnosticIds.UnsupportedTaskSignature).WithLocation(4).WithArguments(
                "Count", "parameter 'items' of type 'Span<int>' is a ref struct, which cannot be stored beyond the call; take an ordinary value (or an array) instead"),
            Verify.Diagnostic(DiagnosticIds.UnsupportedTaskSignature).WithLocation(5).WithArguments(
                "Wait", "parameter 'second' is a second CancellationToken; the runtime supplies exactly one, so keep a single CancellationToken parameter"));

    [Test]
    public Task Reports_async_void_and_unstorable_results_on_the_method_name() =>
        Verify.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Flux;

            public static partial class Tasks
            {
                private static readonly int[] s_numbers = [1, 2, 3];

                [Task] public static async void {|#0:Fire|}() => await Task.Yield();
                [Task] public static ReadOnlySpan<int> {|#1:Numbers|}() => s_numbers;
                [Task] public static ref int {|#2:First|}() => ref s_numbers[0];
            }
            """,
            Verify.Diagnostic(DiagnosticIds.UnsupportedTaskSignature).WithLocation(0).WithArguments(
                "Fire", "it is 'async void', so its completion and errors cannot be observed; return 'Task' instead"),
            Verify.Diagnostic(DiagnosticIds.UnsupportedTaskSignature).WithLocation(1).WithArguments(
                "Numbers", "its return type 'ReadOnlySpan<int>' is a ref struct, which cannot be stored beyond the call; return an ordinary value (or an array) instead"),
            Verify.Diagnostic(DiagnosticIds.UnsupportedTaskSignature).WithLocation(2).WithArguments(
                "First", "it returns by reference; return the value itself"));

    [Test]
    public Task Does_not_report_the_signatures_the_generator_wraps() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Flux;

            public partial class Tasks
            {
                [Task] public static string SayHi(string name) => "Hi, " + name;
                [Task] public static void Log(string message) { }
                [Task] public static Task Flush() => Task.CompletedTask;
                [Task] public static ValueTask Ping() => default;
                [Task] public static async Task<int> CountAsync(IReadOnlyList<int> items, CancellationToken cancellationToken) { await Task.Yield(); return items.Count; }
                [Task] public static ValueTask<string> Greet(string greeting, string name = "you") => new(greeting + ", " + name);
                [Task] public int[] Double(int[] values) => values;

                // Not a task: anything goes.
                public static void Increment(ref int counter) => counter++;
            }
            """);
}
