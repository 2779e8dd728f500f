using System.Collections;
using System.Globalization;
using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Fingerprints;

/// <summary>
/// Arguments fingerprinted by the encoders the generator writes (these tasks are generated in this project): records and
/// classes by value, whatever the culture, with a stable id; one-shot sequences reach the body intact.
/// </summary>
public sealed partial class GeneratedFingerprintTests
{
    public sealed record Invoice(string Customer, decimal Amount, DateTime Due, List<Line> Lines, Dictionary<string, int> Stock, HashSet<string> Tags);

    public record Line(string Product, int Quantity);

    public sealed record SpecialLine(string Product, int Quantity, string Note) : Line(Product, Quantity);

    public sealed class Account
    {
        public string Id { get; init; } = "";

        public string? Region { get; init; }
    }

    [Task] public static decimal Total(Invoice invoice) => invoice.Amount;

    [Task] public static int Quantity(Line line) => line.Quantity;

    [Task] public static string Owner(Account account, int year) => account.Id;

    [Task] public static int Sum(IEnumerable<int> numbers) => numbers.Sum();

    [Task] public static int SameList(IEnumerable<int> numbers, List<int> expected) => ReferenceEquals(numbers, expected) ? 1 : 0;

    private static Invoice NewInvoice(Dictionary<string, int>? stock = null, HashSet<string>? tags = null) => new(
        "ACME",
        1234.50m,
        new DateTime(2024, 3, 1, 13, 0, 0, DateTimeKind.Utc),
        [new Line("bolt", 3), new Line("nut", 7)],
        stock ?? new() { ["bolt"] = 10, ["nut"] = 20 },
        tags ?? ["urgent", "export"]);

    [Test]
    public void A_record_is_fingerprinted_by_value_whatever_the_culture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("en-US");
            var english = TotalTask.HashOf(NewInvoice());
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var german = TotalTask.HashOf(NewInvoice());

            Assert.That(german, Is.EqualTo(english));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Test]
    public void Records_that_differ_in_any_member_differ_and_insertion_order_does_not_matter()
    {
        var invoice = NewInvoice();

        Assert.That(TotalTask.HashOf(invoice with { Amount = 1234.51m }), Is.Not.EqualTo(TotalTask.HashOf(invoice)));
        Assert.That(TotalTask.HashOf(invoice with { Lines = [new Line("bolt", 3), new Line("nut", 8)] }), Is.Not.EqualTo(TotalTask.HashOf(invoice)));
        Assert.That(
            TotalTask.HashOf(NewInvoice(new() { ["nut"] = 20, ["bolt"] = 10 }, ["export", "urgent"])),
            Is.EqualTo(TotalTask.HashOf(invoice)));
    }

    [Test]
    public void Two_accounts_of_a_class_do_not_collide()
    {
        Assert.That(OwnerTask.HashOf((new Account { Id = "a" }, 2024)), Is.Not.EqualTo(OwnerTask.HashOf((new Account { Id = "b" }, 2024))));
        Assert.That(OwnerTask.HashOf((new Account { Id = "a", Region = null }, 2024)), Is.Not.EqualTo(OwnerTask.HashOf((new Account { Id = "a", Region = "" }, 2024))));
    }

    [Test]
    public async Task The_call_id_of_a_record_argument_is_pinned()
    {
        // Pinned: recorded executions are replayed by this id. The encoding is documented in docs/fingerprints.md.
        var ctx = await LambdaTask.RunWorkflow<int, decimal>(0, async _ => await TotalTask.Call(NewInvoice()));

        var started = ctx.Events.Single(e => e.Type == ExecutionEventType.TaskStarted);
        Assert.That(started.SourceId, Is.EqualTo("Total_" + TotalTask.HashOf(NewInvoice()).ToString("x16", CultureInfo.InvariantCulture)));
        Assert.That(started.SourceId, Is.EqualTo("Total_8062c1e4356c2517"));
    }

    [Test]
    public void A_record_is_encoded_as_an_object_of_named_members_in_ordinal_order()
    {
        // docs/fingerprints.md: 0x40, then per member 0x41 + its name (as a string payload) + its value, then 0x42.
        var expected = Convert.FromHexString(
            "40"
            + "41" + "07000000" + "500072006f006400750063007400" // Name "Product"
            + "20" + "04000000" + "62006f006c007400" // "bolt"
            + "41" + "08000000" + "5100750061006e007400690074007900" // Name "Quantity"
            + "06" + "03000000" // 3
            + "42");

        Assert.That(QuantityTask.HashOf(new Line("bolt", 3)), Is.EqualTo(System.IO.Hashing.XxHash64.HashToUInt64(expected)));
    }

    [Test]
    public void A_value_of_a_derived_type_is_refused_with_the_task_and_the_fix()
    {
        var error = Assert.Throws<FingerprintException>(() => QuantityTask.HashOf(new SpecialLine("bolt", 1, "rush")));

        Assert.That(error!.Message, Does.StartWith("Task 'Quantity' cannot fingerprint its arguments:")
            .And.Contain("'GeneratedFingerprintTests.SpecialLine' was passed where 'GeneratedFingerprintTests.Line' is declared"));
    }

    [Test]
    public async Task A_one_shot_sequence_reaches_the_body_intact()
    {
        var ctx = await LambdaTask.RunWorkflow<int, int>(0, async _ => await SumTask.Call(new OneShot([1, 2, 3])));

        Assert.That(ctx.Error, Is.Null);
        Assert.That(ctx.Output, Is.EqualTo(6));
    }

    [Test]
    public async Task A_collection_passed_as_a_sequence_reaches_the_body_untouched()
    {
        var list = new List<int> { 1, 2 };

        Assert.That(await SameListTask.Call(list, list), Is.EqualTo(1));
    }

    /// <summary>A sequence that can be enumerated once: a second enumeration throws.</summary>
    private sealed class OneShot(int[] items) : IEnumerable<int>
    {
        private int _enumerations;

        public IEnumerator<int> GetEnumerator()
        {
            if (Interlocked.Increment(ref _enumerations) > 1)
            {
                throw new InvalidOperationException("This sequence can be enumerated only once.");
            }

            return ((IEnumerable<int>)items).GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
