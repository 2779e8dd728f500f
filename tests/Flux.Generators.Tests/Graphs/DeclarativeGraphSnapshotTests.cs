namespace Flux.Generators.Tests.Graphs;

/// <summary>The generated body, handle and diagram of declarative graphs, snapshotted; each output compiles and is cached on a rerun.</summary>
public sealed class DeclarativeGraphSnapshotTests
{
    internal const string HelloSource = """
        namespace Demo;

        public static partial class Hello
        {
            [Task] public static string GetName(string input) => input.Trim();

            [Task] public static Task<string> SayHello(string name) => Task.FromResult($"Hello, {name}");

            [Workflow]
            [Node("get_name", nameof(GetName))]
            [Node("say_hello", nameof(SayHello))]
            [Edge("get_name", "say_hello")]
            [StartWith("get_name")]
            [EndWith("say_hello")]
            public static partial Task<string> Greet(ExecutionContext<string> ctx);
        }
        """;

    internal const string ConditionalSource = """
        namespace Demo;

        public sealed record Check(bool Valid, string Input);

        public static partial class Orders
        {
            [Task] public static Check Validate(string input) => new(input.Length > 0, input);

            [Task] public static string Process(Check check) => "processed " + check.Input;

            [Task] public static string Reject(Check check) => "rejected";

            public static bool IsValid(Check check) => check.Valid;

            public static bool IsInvalid(Check check) => !check.Valid;

            [Workflow(Name = "conditional_flow")]
            [Node("validate", nameof(Validate))]
            [Node("process", nameof(Process))]
            [Node("error", nameof(Reject))]
            [Edge("validate", "process", When = nameof(IsValid))]
            [Edge("validate", "error", When = nameof(IsInvalid))]
            [StartWith("validate")]
            [EndWith("process")]
            [EndWith("error")]
            public static partial Task<string> Conditional(ExecutionContext<string> ctx);
        }
        """;

    internal const string EnumRoutingSource = """
        namespace Demo;

        public enum Verdict { Valid, Unsure, Invalid, Unknown }

        public static partial class Triage
        {
            [Task] public static int Score(string input) => input.Length;

            [Task] public static string Accept(int score) => "accepted";

            [Task] public static string Review(int score) => "review";

            [Task] public static string Refuse(int score) => "refused";

            public static Verdict Classify(int score) => score switch { > 10 => Verdict.Valid, > 5 => Verdict.Unsure, > 0 => Verdict.Invalid, _ => Verdict.Unknown };

            [Workflow]
            [Node("score", nameof(Score))]
            [Node("accept", nameof(Accept))]
            [Node("review", nameof(Review))]
            [Node("refuse", nameof(Refuse))]
            [Edge("score", "accept", When = nameof(Classify), Case = Verdict.Valid)]
            [Edge("score", "review", When = nameof(Classify), Case = Verdict.Unsure)]
            [Edge("score", "refuse", When = nameof(Classify), Case = new[] { Verdict.Invalid, Verdict.Unknown })]
            [StartWith("score")]
            [EndWith("accept")]
            [EndWith("review")]
            [EndWith("refuse")]
            public static partial ValueTask<string> Route(ExecutionContext<string> ctx);
        }
        """;

    internal const string DiamondSource = """
        namespace Demo;

        public static partial class Diamond
        {
            [Task] public static int Parse(string input) => int.Parse(input);

            [Task] public static async Task<int> Double(int value, CancellationToken cancellationToken) { await Task.Yield(); return value * 2; }

            [Task] public static int Square(int value) => value * value;

            [Task] public static string Combine(int doubled, int squared) => $"{doubled}/{squared}";

            [Task] public static string Describe(string combined) => "result " + combined;

            [Workflow]
            [Node("parse", nameof(Parse))]
            [Node(nameof(Double))]
            [Node(nameof(Square))]
            [Node("combine", nameof(Combine))]
            [Node("describe", nameof(Describe))]
            [Edge("parse", nameof(Double))]
            [Edge("parse", nameof(Square))]
            [Edge(nameof(Double), "combine")]
            [Edge(nameof(Square), "combine")]
            [Edge("combine", "describe")]
            [StartWith("parse")]
            [EndWith("describe")]
            public static partial Task<string> Run(ExecutionContext<string> ctx);
        }
        """;

    internal const string InstanceSource = """
        namespace Demo
        {
            public static partial class Shared
            {
                [Task] public static string? Lookup(string key) => key.Length > 3 ? key : null;
            }

            public partial class Catalog
            {
                [Task] public string Describe(string name) => "item " + name;

                [Workflow]
                [Node("lookup", nameof(Shared.Lookup), DeclaredIn = typeof(Shared))]
                [Node("describe", nameof(Describe))]
                [Edge("lookup", "describe", When = nameof(Found))]
                [StartWith("lookup")]
                [EndWith("describe")]
                internal partial ValueTask<string> FindAsync(ExecutionContext<string> context);

                private bool Found(string? name) => name is not null;
            }
        }
        """;

    internal const string InvalidSource = """
        namespace Demo;

        public enum Verdict { Valid, Invalid }

        public static partial class Broken
        {
            [Task] public static int Score(string input) => input.Length;

            [Task] public static string Accept(int score) => "accepted";

            public static Verdict Classify(int score) => score > 0 ? Verdict.Valid : Verdict.Invalid;

            [Workflow]
            [Node("score", nameof(Score))]
            [Node("accept", nameof(Accept))]
            [Edge("score", "accept", When = nameof(Classify), Case = Verdict.Valid)]
            [StartWith("score")]
            [EndWith("accept")]
            public static partial Task<string> Route(ExecutionContext<string> ctx);
        }
        """;

    [Test]
    public void Hello() => DeclarativeGraphHarness.MatchSnapshot(DeclarativeGraphHarness.Run(HelloSource));

    [Test]
    public void ConditionalEdges() => DeclarativeGraphHarness.MatchSnapshot(DeclarativeGraphHarness.Run(ConditionalSource));

    [Test]
    public void EnumRouting() => DeclarativeGraphHarness.MatchSnapshot(DeclarativeGraphHarness.Run(EnumRoutingSource));

    [Test]
    public void DiamondRunsBranchesTogether() => DeclarativeGraphHarness.MatchSnapshot(DeclarativeGraphHarness.Run(DiamondSource));

    [Test]
    public void InstanceWorkflowWithATaskOfAnotherClass() => DeclarativeGraphHarness.MatchSnapshot(DeclarativeGraphHarness.Run(InstanceSource));

    [Test]
    public void InvalidGraphThrowsTheRuleItBreaks() => DeclarativeGraphHarness.MatchSnapshot(DeclarativeGraphHarness.Run(InvalidSource));
}
