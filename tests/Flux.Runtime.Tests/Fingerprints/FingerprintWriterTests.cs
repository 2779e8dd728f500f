using System.Collections.Immutable;
using System.Globalization;

namespace Flux.Runtime.Tests.Fingerprints;

/// <summary>What the fingerprint promises beyond the pinned table: culture, order, bulk data, and clear refusals.</summary>
public sealed class FingerprintWriterTests
{
    [Test]
    public void Does_not_depend_on_the_current_culture()
    {
        var value = (Price: 1234.5m, Ratio: 0.25, When: new DateTime(2024, 3, 1, 13, 0, 0, DateTimeKind.Utc), Name: "straße");
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("en-US");
            var english = Fingerprint.Of(value);
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var german = Fingerprint.Of(value);
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            var turkish = Fingerprint.Of(value);

            Assert.That(german, Is.EqualTo(english));
            Assert.That(turkish, Is.EqualTo(english));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Test]
    public void Sets_and_dictionaries_do_not_depend_on_insertion_order()
    {
        var forward = new Dictionary<string, HashSet<int>> { ["a"] = [1, 2, 3], ["b"] = [4], ["c"] = [] };
        var backward = new Dictionary<string, HashSet<int>> { ["c"] = [], ["b"] = [4], ["a"] = [3, 2, 1] };
        var sorted = new SortedDictionary<string, HashSet<int>>(forward, StringComparer.Create(new CultureInfo("de-DE"), ignoreCase: false));

        Assert.That(Fingerprint.Of(backward), Is.EqualTo(Fingerprint.Of(forward)));
        Assert.That(Fingerprint.Of(ImmutableDictionary.CreateRange(backward)), Is.EqualTo(Fingerprint.Of(forward)));
        Assert.That(Fingerprint.Of(sorted), Is.EqualTo(Fingerprint.Of(forward)));

        var different = new Dictionary<string, HashSet<int>> { ["a"] = [1, 2], ["b"] = [4, 3], ["c"] = [] };
        Assert.That(Fingerprint.Of(different), Is.Not.EqualTo(Fingerprint.Of(forward)));
    }

    [Test]
    public void A_set_is_a_set_whatever_its_static_type_but_a_list_keeps_its_order()
    {
        IEnumerable<string> set = new HashSet<string> { "x", "y" };
        IEnumerable<string> other = new HashSet<string> { "y", "x" };

        var writer = default(FingerprintWriter);
        writer.WriteSequence(set);
        var asSequence = writer.GetFingerprint();
        var again = default(FingerprintWriter);
        again.WriteSequence(other);

        Assert.That(again.GetFingerprint(), Is.EqualTo(asSequence));
        Assert.That(asSequence, Is.EqualTo(Fingerprint.Of(new SortedSet<string>(["y", "x"]))));
        Assert.That(Fingerprint.Of(new List<string> { "x", "y" }), Is.Not.EqualTo(Fingerprint.Of(new List<string> { "y", "x" })));
    }

    [Test]
    public void A_10_MB_byte_array_is_hashed_through_its_bytes_without_allocating()
    {
        var data = new byte[10 * 1024 * 1024];
        new Random(3).NextBytes(data);
        _ = Fingerprint.Of(data); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var fingerprint = Fingerprint.Of(data);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(fingerprint, Is.EqualTo(Fingerprint.Of(new ReadOnlyMemory<byte>(data))));
        Assert.That(fingerprint, Is.EqualTo(Fingerprint.Of(new List<byte>(data))));
        data[^1] ^= 1;
        Assert.That(Fingerprint.Of(data), Is.Not.EqualTo(fingerprint));
    }

    [Test]
    public void Packed_items_are_written_the_same_from_memory_as_item_by_item()
    {
        // Item by item is what a big-endian host does, and what a NaN or an odd bool needs: it must give the same bytes.
        AssertBothWays(new[] { true, false, true });
        AssertBothWays(new sbyte[] { -1, 2 });
        AssertBothWays(new byte[] { 0, 255, 7 });
        AssertBothWays(new short[] { -300, 2 });
        AssertBothWays(new ushort[] { 65535, 1 });
        AssertBothWays(new[] { int.MinValue, 1, -1 });
        AssertBothWays(new[] { uint.MaxValue, 3u });
        AssertBothWays(new[] { long.MinValue, 5L });
        AssertBothWays(new[] { ulong.MaxValue, 5UL });
        AssertBothWays(new[] { Int128.MinValue, Int128.One });
        AssertBothWays(new[] { UInt128.MaxValue, UInt128.One });
        AssertBothWays(new[] { 'a', 'é', '\uD83D' });
        AssertBothWays(new[] { 1.5f, -0.0f, float.MaxValue });
        AssertBothWays(new[] { 1.5, -0.0, double.Epsilon });
        AssertBothWays(new[] { PinnedFingerprintTests.Mood.Angry, PinnedFingerprintTests.Mood.Calm });
    }

    [Test]
    public void Every_NaN_is_the_same_NaN_and_negative_zero_is_not_zero()
    {
        var quiet = double.NaN;
        var other = BitConverter.UInt64BitsToDouble(0x7FF0000000000001); // a signalling NaN with another payload

        Assert.That(Fingerprint.Of(other), Is.EqualTo(Fingerprint.Of(quiet)));
        Assert.That(Fingerprint.Of(new[] { 1.0, other }), Is.EqualTo(Fingerprint.Of(new[] { 1.0, quiet })));
        Assert.That(Fingerprint.Of(BitConverter.UInt32BitsToSingle(0xFF800001)), Is.EqualTo(Fingerprint.Of(float.NaN)));
        Assert.That(Fingerprint.Of(BitConverter.UInt16BitsToHalf(0xFE01)), Is.EqualTo(Fingerprint.Of(Half.NaN)));
        Assert.That(Fingerprint.Of(-0.0), Is.Not.EqualTo(Fingerprint.Of(0.0)));
    }

    [Test]
    public void Values_differ_where_their_kinds_or_values_differ()
    {
        Assert.That(Fingerprint.Of<string?>(null), Is.Not.EqualTo(Fingerprint.Of("")));
        Assert.That(Fingerprint.Of(1), Is.Not.EqualTo(Fingerprint.Of(1L)));
        Assert.That(Fingerprint.Of(1.0m), Is.Not.EqualTo(Fingerprint.Of(1.00m)));
        Assert.That(Fingerprint.Of(("ab", "c")), Is.Not.EqualTo(Fingerprint.Of(("a", "bc"))));
        Assert.That(Fingerprint.Of(new[] { "a", "b" }), Is.Not.EqualTo(Fingerprint.Of(new[] { "ab" })));
        Assert.That(Fingerprint.Of(new DateTime(1, DateTimeKind.Utc)), Is.Not.EqualTo(Fingerprint.Of(new DateTime(1, DateTimeKind.Local))));
        Assert.That(Fingerprint.Of(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            Is.Not.EqualTo(Fingerprint.Of(new DateTimeOffset(2024, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)))), "the same instant in another offset");
    }

    [Test]
    public void A_value_typed_only_at_run_time_is_written_as_its_static_type_would_be()
    {
        object[] values =
        [
            42, "text", new[] { 1, 2 }, new List<int> { 1, 2 }, new[] { PinnedFingerprintTests.Mood.Angry }, new HashSet<string> { "b", "a" },
            new Dictionary<int, string> { [2] = "b", [1] = "a" }, (1, "x"), new ReadOnlyMemory<byte>([1, 2]), new[] { "a", null },
            ImmutableArray.Create(3L, 4L), PinnedFingerprintTests.Level.High, new decimal[] { 1.5m },
        ];

        Assert.Multiple(() =>
        {
            Assert.That(Fingerprint.Of(values[0]), Is.EqualTo(Fingerprint.Of(42)));
            Assert.That(Fingerprint.Of(values[1]), Is.EqualTo(Fingerprint.Of("text")));
            Assert.That(Fingerprint.Of(values[2]), Is.EqualTo(Fingerprint.Of(new[] { 1, 2 })));
            Assert.That(Fingerprint.Of(values[3]), Is.EqualTo(Fingerprint.Of(new[] { 1, 2 })));
            Assert.That(Fingerprint.Of(values[4]), Is.EqualTo(Fingerprint.Of(new[] { PinnedFingerprintTests.Mood.Angry })));
            Assert.That(Fingerprint.Of(values[5]), Is.EqualTo(Fingerprint.Of(new HashSet<string> { "a", "b" })));
            Assert.That(Fingerprint.Of(values[6]), Is.EqualTo(Fingerprint.Of(new Dictionary<int, string> { [1] = "a", [2] = "b" })));
            Assert.That(Fingerprint.Of(values[7]), Is.EqualTo(Fingerprint.Of((1, "x"))));
            Assert.That(Fingerprint.Of(values[8]), Is.EqualTo(Fingerprint.Of(new byte[] { 1, 2 })));
            Assert.That(Fingerprint.Of(values[9]), Is.EqualTo(Fingerprint.Of(new[] { "a", null })));
            Assert.That(Fingerprint.Of(values[10]), Is.EqualTo(Fingerprint.Of(new[] { 3L, 4L })));
            Assert.That(Fingerprint.Of(values[11]), Is.EqualTo(Fingerprint.Of(PinnedFingerprintTests.Level.High)));
            Assert.That(Fingerprint.Of(values[12]), Is.EqualTo(Fingerprint.Of(new List<decimal> { 1.5m })));
        });
    }

    [Test]
    public void A_class_it_cannot_see_through_is_an_error_that_names_the_type_and_the_fix()
    {
        var error = Assert.Throws<FingerprintException>(() => Fingerprint.Of<object>(new Opaque()));

        Assert.That(error!.Message, Does.Contain("'FingerprintWriterTests.Opaque'").And.Contain("Implement Flux.IStableHashable on"));
        Assert.That(error.ValueType, Is.EqualTo(typeof(Opaque)));
        Assert.That(() => Fingerprint.Of(new List<object> { 1, new Opaque() }), Throws.TypeOf<FingerprintException>());
    }

    [Test]
    public void A_value_that_refers_to_itself_is_an_error_not_a_stack_overflow()
    {
        var loop = new List<object>();
        loop.Add(loop);

        var error = Assert.Throws<FingerprintException>(() => Fingerprint.Of(loop));

        Assert.That(error!.Message, Does.Contain("more than 1000 levels deep").And.Contain("cycle"));
    }

    [Test]
    public void An_encoder_for_a_type_refuses_a_value_of_a_derived_type()
    {
        static void WriteAnimal(ref FingerprintWriter writer, Animal animal)
        {
            writer.BeginObject(animal);
            writer.WriteName("Name");
            writer.Write(animal.Name);
            writer.EndObject();
        }

        Assert.That(Fingerprint.Of(new Animal("Rex"), WriteAnimal), Is.EqualTo(Fingerprint.Of(new Animal("Rex"), WriteAnimal)));
        var error = Assert.Throws<FingerprintException>(() => Fingerprint.Of<Animal>(new Dog("Rex", "beagle"), WriteAnimal));
        Assert.That(error!.Message, Does.Contain("'FingerprintWriterTests.Dog' was passed where 'FingerprintWriterTests.Animal' is declared")
            .And.Contain("implement Flux.IStableHashable on 'FingerprintWriterTests.Animal'"));
    }

    [Test]
    public void A_lazy_sequence_is_enumerated_once()
    {
        var enumerations = 0;
        IEnumerable<int> Numbers()
        {
            enumerations++;
            yield return 1;
            yield return 2;
        }

        var writer = default(FingerprintWriter);
        writer.WriteSequence(Numbers());

        Assert.That(enumerations, Is.EqualTo(1));
        Assert.That(writer.GetFingerprint(), Is.EqualTo(Fingerprint.Of(new[] { 1, 2 })));
    }

    private static void AssertBothWays<T>(T[] items)
    {
        var kind = FixedWidthKind<T>();
        var raw = FingerprintWriter.EncodingOf(items, (ref FingerprintWriter w, T[] v) => w.WritePacked<T>(v, kind, allowRawBytes: true));
        var itemByItem = FingerprintWriter.EncodingOf(items, (ref FingerprintWriter w, T[] v) => w.WritePacked<T>(v, kind, allowRawBytes: false));

        Assert.That(Convert.ToHexString(raw), Is.EqualTo(Convert.ToHexString(itemByItem)), typeof(T).Name);
    }

    private static FingerprintTag FixedWidthKind<T>() => FixedWidth<T>.Tag ?? throw new InvalidOperationException(typeof(T).Name);

    private sealed class Opaque
    {
        private readonly int _secret = 1;

        public override string ToString() => "Opaque" + _secret;
    }

    private class Animal(string name)
    {
        public string Name { get; } = name;
    }

    private sealed class Dog(string name, string breed) : Animal(name)
    {
        public string Breed { get; } = breed;
    }
}
