using Flux.Shared.Diagnostics;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.InvalidTaskOptionAnalyzer>;

namespace Flux.Analyzers.Tests.Authoring;

public sealed class InvalidTaskOptionAnalyzerTests
{
    [Test]
    public Task Reports_each_invalid_value_on_its_named_argument() =>
        Verify.VerifyAsync(
            """
            using Flux;

            public static partial class Tasks
            {
                [Task({|#0:Retries = -1|})] public static int A(int x) => x;
                [Task(Retries = 3, {|#1:RetryDelay = "5 seconds"|})] public static int B(int x) => x;
                [Task({|#2:RetryBackoff = 0.5|})] public static int C(int x) => x;
                [Task({|#3:RetryBackoff = double.NaN|})] public static int D(int x) => x;
                [Task({|#4:Timeout = "-5s"|})] public static int E(int x) => x;
                [Task({|#5:Timeout = "0s"|})] public static int F(int x) => x;
                [Task({|#6:MaxRetryDelay = "60d"|})] public static int G(int x) => x;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.InvalidTaskOption).WithLocation(0).WithArguments(
                "A", "Retries", "-1 is negative; use 0 or more (0 means no retry)"),
            Verify.Diagnostic(DiagnosticIds.InvalidTaskOption).WithLocation(1).WithArguments(
                "B", "RetryDelay", "\"5 seconds\" is not a duration; write a number and a unit (\"500ms\", \"30s\", \"2m\", \"1h\", \"1d\") or TimeSpan text (\"00:00:05\")"),
            Verify.Diagnostic(DiagnosticIds.InvalidTaskOption).WithLocation(2).WithArguments(
                "C", "RetryBackoff", "0.5 is below 1, so the delay would shrink; use 1 for a constant delay, or more (2 doubles it after each retry)"),
            Verify.Diagnostic(DiagnosticIds.InvalidTaskOption).WithLocation(3).WithArguments(
                "D", "RetryBackoff", "NaN is not a number; use a number of at least 1 (1 keeps the delay constant, 2 doubles it after each retry)"),
            Verify.Diagnostic(DiagnosticIds.InvalidTaskOption).WithLocation(4).WithArguments(
                "E", "Timeout", "\"-5s\" is negative; use a duration of zero or more, or leave Timeout unset for no time limit"),
            Verify.Diagnostic(DiagnosticIds.InvalidTaskOption).WithLocation(5).WithArguments(
                "F", "Timeout", "\"0s\" is zero, so every attempt would time out at once; use a positive limit, or leave Timeout unset for no time limit"),
            Verify.Diagnostic(DiagnosticIds.InvalidTaskOption).WithLocation(6).WithArguments(
                "G", "MaxRetryDelay", "\"60d\" is longer than a timer supports (49.17:02:47.2940000); use a shorter duration, or leave it unset for the default of 10 minutes"));

    [Test]
    public Task Does_not_report_valid_values() =>
        Verify.VerifyAsync(
            """
            using Flux;

            public static partial class Tasks
            {
                [Task(Retries = 3, RetryDelay = "500ms", RetryBackoff = 1, MaxRetryDelay = "2m", Timeout = "00:00:05", RetryJitter = true, Cache = true)]
                public static int A(int x) => x;

                [Task(Retries = 0, RetryDelay = "0s", RetryBackoff = 2.5, Timeout = "1.5h")]
                public static int B(int x) => x;

                [Task(RetryDelay = null, Timeout = null)]
                public static int C(int x) => x;

                [Task]
                public static int D(int x) => x;
            }
            """);
}
