using System.Runtime.CompilerServices;
using Flux.Generators.Tests.Infrastructure;

namespace Flux.Generators.Tests.Fingerprints;

/// <summary>The encoders the generator writes for argument types, pinned as snapshots (the output must also compile and be cached on a rerun).</summary>
public sealed class FingerprintSnapshotTests
{
    public const string OrdersSource = """
        using System.Collections.Generic;

        namespace Demo;

        public enum Priority : byte { Low, High }

        public sealed record Customer(string Id, string Name, decimal CreditLimit);

        public record Line(string Product, int Quantity, decimal Price);

        public readonly record struct Point(double X, double Y);

        public sealed class Order
        {
            public Customer Customer { get; init; } = null!;
            public List<Line> Lines { get; init; } = new();
            public Dictionary<string, Line> ByProduct { get; init; } = new();
            public HashSet<string> Tags { get; init; } = new();
            public Point? Destination { get; init; }
            public DateTimeOffset PlacedAt { get; init; }
            public Priority Priority { get; init; }
            public int @class;
            private readonly string _notes = "";
            public string Notes => _notes;
        }

        public sealed record Node(int Value, Node? Next);

        public sealed class Money : Flux.IStableHashable
        {
            private readonly long _cents;
            public Money(long cents) => _cents = cents;
            public void WriteFingerprint(ref FingerprintWriter writer) => writer.Write(_cents);
        }

        public static partial class Orders
        {
            [Task] public static decimal Price(Order order, Customer customer) => 0m;
            [Task] public static int Count(IEnumerable<Line> lines, ReadOnlyMemory<byte> payload) => 0;
            [Task] public static int Walk(Node start, KeyValuePair<string, Point> pair, (Customer Who, int Times) visit) => 0;
            [Task] public static long Pay(Money amount, Point[] stops, List<Dictionary<string, Point>> legs) => 0;
        }
        """;

    [Test]
    public void Records_classes_structs_and_collections_of_them() => Match(GeneratorHarness.Run(OrdersSource));

    /// <summary>The snapshots live with the others, under the project's Snapshots/ folder.</summary>
    internal static void Match(GeneratorRun run, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "") =>
        Snapshot.Match(run, Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(testFile))!, Path.GetFileName(testFile)), testMethod);
}
