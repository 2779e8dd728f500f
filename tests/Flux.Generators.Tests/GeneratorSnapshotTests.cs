using Flux.Generators.Tests.Infrastructure;

namespace Flux.Generators.Tests;

/// <summary>
/// The generated files users see on Go To Definition, pinned as snapshots. Each case also checks (through
/// <see cref="GeneratorHarness.Run(string, string[])"/>) that the output compiles, that a second run is fully cached, and
/// that no step output holds a symbol or a syntax node.
/// </summary>
public sealed class GeneratorSnapshotTests
{
    /// <summary>The example of the design: every kind of task body, options with a fallback, and a workflow.</summary>
    public const string GreetingsSource = """
        namespace Demo;

        public static partial class Greetings
        {
            [Task] public static string SayHi(string name) => $"Hi, {name}";

            [Task]
            public static async Task<string> SayHelloAsync(string name, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return $"Hello, {name}";
            }

            [Task(Retries = 2, RetryDelay = "500ms", Timeout = "30s", Fallback = nameof(GreetFallback))]
            public static ValueTask<string> Greet(string greeting, string name) => ValueTask.FromResult($"{greeting}, {name}");

            static string GreetFallback(string greeting, string name) => "fallback";

            [Task] public static Task Log(string message) => Task.CompletedTask;

            [Workflow]
            public static async Task<string[]> Parallel(ExecutionContext<string> ctx) =>
                await Workflow.Parallel(SayHiTask.Call(ctx.Input), SayHelloTask.Call(ctx.Input));
        }
        """;

    [Test]
    public void Greetings() => Snapshot.Match(GeneratorHarness.Run(GreetingsSource));

    [Test]
    public void EveryTaskBodyKind() => Snapshot.Match(GeneratorHarness.Run("""
        namespace Demo.Bodies;

        public static partial class Bodies
        {
            [Task] public static int Sync(int x) => x + 1;
            [Task] public static void Void(string message) { }
            [Task] public static Task PlainTask(string message) => Task.CompletedTask;
            [Task] public static Task<int> TaskOfT(int x) => Task.FromResult(x);
            [Task] public static ValueTask PlainValueTask(string message) => default;
            [Task] public static ValueTask<int> ValueTaskOfTAsync(int x) => new(x);
            [Task] public static int SyncWithToken(int x, CancellationToken token) => x;
            [Task] public static void VoidWithToken(CancellationToken token) { }
        }
        """));

    [Test]
    public void ParameterShapes() => Snapshot.Match(GeneratorHarness.Run("""
        namespace Demo;

        public enum Mood { Calm, Angry }

        public partial class Shapes
        {
            [Task] public static DateTime None() => DateTime.UnixEpoch;
            [Task] public static string One(string? text) => text ?? "";
            [Task] public static string Several(string greeting, int times, Mood mood) => greeting;
            [Task] public static string Defaults(string text = "a \"quoted\" text", int count = -3, double ratio = 0.5, Mood mood = Mood.Angry, string? missing = null, CancellationToken cancellationToken = default) => text;
            [Task] public static int Keywords(int @class, int options) => @class + options;
            [Task] public static List<string?> Generic(Dictionary<string, int[]> map, (int X, string Y) pair) => new();
        }
        """));

    [Test]
    public void InstanceTasksAndWorkflows() => Snapshot.Match(GeneratorHarness.Run("""
        namespace Demo;

        public sealed partial class Counter(int start)
        {
            [Task] public int Add(int amount) => start + amount;

            [Task(Rollback = nameof(Undo))]
            public async Task<int> SaveAsync(string key, int value, CancellationToken cancellationToken) { await Task.Yield(); return value; }

            void Undo(string key, int value) { }

            [Workflow] public async Task<int> Total(ExecutionContext<int> context) => await AddTask.Call(context.Input);
        }
        """));

    [Test]
    public void NestedAndGlobalTypes() => Snapshot.Match(GeneratorHarness.Run(
        [
            """
            namespace Demo.Nested;

            public static partial class Outer
            {
                public partial class Middle
                {
                    internal static partial class Inner
                    {
                        [Task] public static string Echo(string text) => text;
                    }
                }
            }
            """,
            """
            public static partial class GlobalTasks
            {
                [Task(Name = "global-echo")] public static string Echo(string text) => text;
            }
            """,
            """
            namespace Demo.Generic;

            public partial class Box<T>
            {
                [Task] public static T Identity(T value) => value;
            }
            """,
        ]));

    [Test]
    public void OptionsFallbackAndRollback() => Snapshot.Match(GeneratorHarness.Run("""
        namespace Demo;

        public static partial class Payments
        {
            [Task(Name = "charge", Retries = 3, RetryDelay = "1.5s", RetryBackoff = 2.5, MaxRetryDelay = "00:01:00", RetryJitter = true,
                  Timeout = "2m", Cache = true, Fallback = nameof(ChargeLater), Rollback = nameof(Refund))]
            public static Task<decimal> Charge(string account, decimal amount, CancellationToken cancellationToken) => Task.FromResult(amount);

            static async Task<decimal> ChargeLater(string account, decimal amount, CancellationToken cancellationToken) { await Task.Yield(); return 0m; }

            static Task Refund(string account, decimal amount) => Task.CompletedTask;

            // A fallback whose result converts (int to long) is awaited and converted.
            [Task(Fallback = nameof(Zero))] public static long Count(string account) => 1;
            static ValueTask<int> Zero(string account) => new(0);

            // A synchronous void fallback for a task without a result, a rollback that returns a value.
            [Task(Fallback = nameof(Skip), Rollback = nameof(Undo))] public static Task Notify(string account) => Task.CompletedTask;
            static void Skip(string account) { }
            static bool Undo(string account, CancellationToken cancellationToken) => true;

            // Invalid options are left at their defaults (FLUX105); a fallback that does not fit is ignored (FLUX106).
            [Task(Retries = -1, RetryDelay = "soon", RetryBackoff = 0.5, Timeout = "-5s", Fallback = nameof(Wrong), Rollback = "Missing")]
            public static string Invalid(string account) => account;
            static int Wrong(string account) => 0;
        }
        """));

    [Test]
    public void EveryWorkflowReturnKind() => Snapshot.Match(GeneratorHarness.Run("""
        namespace Demo;

        public record Order(string Id);

        public static partial class Flows
        {
            [Workflow] public static string Sync(ExecutionContext<string> context) => context.Input;
            [Workflow(Name = "orders")] public static async Task<Order> PlaceAsync(ExecutionContext<Order> context) { await Task.Yield(); return context.Input; }
            [Workflow] public static ValueTask<int> Count(ExecutionContext<int> context) => new(context.Input);
            [Workflow] public static Task<string?> Maybe(ExecutionContext<string?> context) => Task.FromResult(context.Input);
            [Workflow] public static Task<int> ParallelWorkflow(ExecutionContext<int> context) => Task.FromResult(1);
        }
        """));

    [Test]
    public void PrivateTypesNarrowTheHandle() => Snapshot.Match(GeneratorHarness.Run("""
        namespace Demo;

        public partial class Jobs
        {
            private sealed record Secret(string Value);
            internal sealed record Internal(string Value);

            [Task] private static string Reveal(Secret secret) => secret.Value;
            [Task] internal static Internal Wrap(string value) => new(value);
        }
        """));
}
