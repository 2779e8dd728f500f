using Flux.Shared.Diagnostics;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.NoExactFingerprintAnalyzer>;

namespace Flux.Analyzers.Tests.Authoring;

public sealed class NoExactFingerprintAnalyzerTests
{
    [Test]
    public Task Reports_a_class_without_readable_members_with_the_task_the_type_and_the_fix() =>
        Verify.VerifyAsync(
            """
            using Flux;

            public sealed class Customer
            {
                private readonly string _id = "";
            }

            public static partial class Pricing
            {
                [Task] public static decimal Price(Customer {|#0:customer|}, int quantity) => 0m;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.NoExactFingerprint).WithLocation(0).WithArguments(
                "customer", "Price", "Customer", "it has no readable members; implement Flux.IStableHashable or pass a record"));

    [Test]
    public Task Reports_what_has_no_value_encoding_each_with_its_reason() =>
        Verify.VerifyAsync(
            """
            using System;
            using System.Collections;
            using System.Collections.Generic;
            using System.IO;
            using Flux;

            public sealed class Numbers : IEnumerable<int>
            {
                public IEnumerator<int> GetEnumerator() { yield return 1; }
                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }

            public interface IShape { double Area { get; } }

            public sealed record Upload(string Name, Stream Content);

            public partial class Box<T>
            {
                [Task] public T Keep(T {|#5:value|}) => value;
            }

            public static partial class Tasks
            {
                [Task(Name = "sum")] public static int Sum(Numbers {|#0:numbers|}) => 0;
                [Task] public static int Run(Func<int> {|#1:work|}) => work();
                [Task] public static string Show(object {|#2:value|}) => "";
                [Task] public static double Measure(IShape {|#3:shape|}) => shape.Area;
                [Task] public static int Store(List<Upload> {|#4:uploads|}) => 0;
            }
            """,
            Verify.Diagnostic(DiagnosticIds.NoExactFingerprint).WithLocation(0).WithArguments(
                "numbers", "sum", "Numbers",
                "it is a lazy sequence, not a collection: fingerprinting it enumerates it, and a sequence that can be enumerated once would reach the task empty; pass a collection (an array or a List<T>), declare the parameter as IEnumerable<T>, or implement Flux.IStableHashable"),
            Verify.Diagnostic(DiagnosticIds.NoExactFingerprint).WithLocation(1).WithArguments(
                "work", "Run", "Func<int>", "it is a delegate, which has no value to fingerprint; pass the data instead of the code that computes it"),
            Verify.Diagnostic(DiagnosticIds.NoExactFingerprint).WithLocation(2).WithArguments(
                "value", "Show", "object",
                "it is 'object', so the type of its values is known only at run time; declare the type of the values, or implement Flux.IStableHashable on the types passed"),
            Verify.Diagnostic(DiagnosticIds.NoExactFingerprint).WithLocation(3).WithArguments(
                "shape", "Measure", "IShape",
                "it is an interface, so its values are of types the generator does not see; declare the concrete type, or make the interface extend Flux.IStableHashable"),
            Verify.Diagnostic(DiagnosticIds.NoExactFingerprint).WithLocation(4).WithArguments(
                "uploads", "Store", "List<Upload>",
                "'uploads[].Content' has type 'Stream', which is a framework type with no value encoding; pass the values that identify it (strings, numbers, a record), or wrap it in a type that implements Flux.IStableHashable"),
            Verify.Diagnostic(DiagnosticIds.NoExactFingerprint).WithLocation(5).WithArguments(
                "value", "Keep", "T",
                "it is a type parameter, so the type of its values is known only at run time; constrain it with 'where T : Flux.IStableHashable' or use a concrete type"));

    [Test]
    public Task Does_not_report_the_types_that_have_an_exact_fingerprint() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections;
            using System.Collections.Generic;
            using System.Threading;
            using Flux;

            public enum Mood { Calm, Angry }

            public sealed record Line(string Product, int Quantity, decimal Price);

            public sealed class Account
            {
                public string Id { get; init; } = "";
                public List<Line> Lines { get; } = new();
            }

            public readonly record struct Point(double X, double Y);

            public sealed class Secret : IStableHashable
            {
                private readonly string _id = "";
                public void WriteFingerprint(ref FingerprintWriter writer) => writer.Write(_id);
            }

            public partial class Holder<T> where T : IStableHashable
            {
                [Task] public int Hold(T value) => 0;
            }

            public static partial class Tasks
            {
                [Task] public static int Primitives(int a, long b, double c, decimal d, string e, char f, bool g, Guid h, DateTime i, DateTimeOffset j,
                    TimeSpan k, DateOnly l, TimeOnly m, Half n, Int128 o, Mood p, int? q, Uri r, System.Numerics.BigInteger s) => 0;
                [Task] public static int Values(Line line, Account account, Point point, Point? maybe, Secret secret) => 0;
                [Task] public static int Collections(IEnumerable<Line> lines, IEnumerable untyped, List<int> list, int[] array, Dictionary<string, Line> map,
                    HashSet<string> set, IReadOnlyList<Point> points, KeyValuePair<string, int> pair, (int, Line) tuple, ReadOnlyMemory<byte> bytes) => 0;
                [Task] public static int WithToken(string text, CancellationToken cancellationToken) => 0;
            }
            """);
}
