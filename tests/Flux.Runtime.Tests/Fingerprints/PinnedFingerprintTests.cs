using System.Globalization;
using System.Numerics;

namespace Flux.Runtime.Tests.Fingerprints;

/// <summary>
/// The encoding and the fingerprint of a table of values, pinned byte by byte. Recorded executions are replayed by
/// call id, and a call id holds its arguments' fingerprint: a change that makes one of these tests fail breaks every
/// execution recorded before it. Each encoding can be checked by hand against <c>docs/fingerprints.md</c>.
/// </summary>
public sealed class PinnedFingerprintTests
{
    public enum Mood { Calm, Angry }

    public enum Level : byte { Low = 1, High = 200 }

    private static IEnumerable<TestCaseData> Table()
    {
        yield return Row("null", (string?)null, "00", 0xE934A84ADB052768UL);
        yield return Row("false", false, "01 00", 0xDD8F621DBF7F57F1UL);
        yield return Row("true", true, "01 01", 0x52FC4823A13C997AUL);
        yield return Row("sbyte -1", (sbyte)-1, "02 ff", 0xAED7636D1C35D6E2UL);
        yield return Row("byte 255", (byte)255, "03 ff", 0xA6AB44585193613CUL);
        yield return Row("short -2", (short)-2, "04 feff", 0x313A4FBC5DD0FEB3UL);
        yield return Row("ushort 0x1234", (ushort)0x1234, "05 3412", 0x8B6470CB9A60F070UL);
        yield return Row("int 1", 1, "06 01000000", 0x07FB57759C25473FUL);
        yield return Row("int -1", -1, "06 ffffffff", 0xBAB4AC41033EDF14UL);
        yield return Row("uint 1", 1u, "07 01000000", 0xF4837EBE35C9B8E7UL);
        yield return Row("long 1", 1L, "08 0100000000000000", 0xBB404F5BF2B20CD3UL);
        yield return Row("ulong max", ulong.MaxValue, "09 ffffffffffffffff", 0x34AE662E33FB1791UL);
        yield return Row("nint 1 (as a 64-bit integer)", (nint)1, "08 0100000000000000", 0xBB404F5BF2B20CD3UL);
        yield return Row("Int128 -1", Int128.NegativeOne, "0a ffffffffffffffffffffffffffffffff", 0xE80983D7BC87476FUL);
        yield return Row("UInt128 2^64", UInt128.One << 64, "0b 00000000000000000100000000000000", 0x6DDE457E22CC8971UL);
        yield return Row("char é", 'é', "0c e900", 0x1C52194B32185457UL);
        yield return Row("Half 1", (Half)1, "0d 003c", 0xEA81E60F8805A54AUL);
        yield return Row("float 1.5", 1.5f, "0e 0000c03f", 0xFF1D9A26FA85060CUL);
        yield return Row("float NaN (canonical)", BitConverter.UInt32BitsToSingle(0xFFC00001), "0e 0000c07f", 0x5A972D3A2C88C48FUL);
        yield return Row("double 0.1", 0.1, "0f 9a9999999999b93f", 0x3AEA122DE9857AEFUL);
        yield return Row("double -0.0", -0.0, "0f 0000000000000080", 0xA506573DAD194A89UL);
        yield return Row("double NaN (canonical)", double.NaN, "0f 000000000000f87f", 0x06AE7EC77B98934EUL);
        yield return Row("decimal 1.0", 1.0m, "10 0a000000 00000000 00000000 00000100", 0x7A5E540B9104979EUL);
        yield return Row("decimal 1.00", 1.00m, "10 64000000 00000000 00000000 00000200", 0xB2215FCDACFCCC30UL);
        yield return Row("decimal -2.5", -2.5m, "10 19000000 00000000 00000000 00000180", 0x642F36D6D70930F1UL);
        yield return Row("Guid", Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"), "11 33221100 5544 7766 8899aabbccddeeff", 0xCC4350206E126B04UL);
        yield return Row("DateTime UTC", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(6), "12 86c0bf7a3f0bdc08 01", 0xBE0268F1543FB18AUL);
        yield return Row("DateTime unspecified", new DateTime(2024, 1, 2, 3, 4, 5).AddTicks(6), "12 86c0bf7a3f0bdc08 00", 0x67CFA4F3750294D1UL);
        yield return Row("DateTimeOffset +02:00", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), "13 80c0bf7a3f0bdc08 7800", 0xB5F6E322410FAD36UL);
        yield return Row("TimeSpan 1.5 s", TimeSpan.FromSeconds(1.5), "14 c0e1e40000000000", 0xDA2C5C1DCDE20E23UL);
        yield return Row("DateOnly", new DateOnly(2024, 1, 2), "15 46460b00", 0x436443A5C2121329UL);
        yield return Row("TimeOnly", new TimeOnly(3, 4, 5), "16 804055b719000000", 0x14D1FEFA9FA93978UL);
        yield return Row("empty string", "", "20 00000000", 0x060CEBCCB5481075UL);
        yield return Row("string", "flux", "20 04000000 66006c0075007800", 0xCF9288D9662DF6AEUL);
        yield return Row("string with a surrogate pair", "😀", "20 02000000 3dd800de", 0xB8A5E45C736E4679UL);
        yield return Row("enum (its underlying int)", Mood.Angry, "06 01000000", 0x07FB57759C25473FUL);
        yield return Row("byte enum (its underlying byte)", Level.High, "03 c8", 0x8553187EC0244224UL);
        yield return Row("nullable with a value", (int?)5, "06 05000000", 0x148673F7E664AC91UL);
        yield return Row("nullable without a value", (int?)null, "00", 0xE934A84ADB052768UL);
        yield return Row("BigInteger 256", new BigInteger(256), "21 02000000 0001", 0x6268CADE8F76BFB7UL);
        yield return Row("Uri", new Uri("https://x.io/a"), "22 0e000000 680074007400700073003a002f002f0078002e0069006f002f006100", 0x31AF89BC76781D2CUL);
        yield return Row("tuple", (1, "a"), "34 02000000 06 01000000 20 01000000 6100", 0x2969B65179074A6BUL);
        yield return Row("int[] (packed)", new[] { 1, 2 }, "31 06 02000000 01000000 02000000", 0xD145F0AB06072741UL);
        yield return Row("List<int> (packed, as an array)", new List<int> { 1, 2 }, "31 06 02000000 01000000 02000000", 0xD145F0AB06072741UL);
        yield return Row("byte[] (packed)", new byte[] { 1, 2, 3 }, "31 03 03000000 010203", 0x227D3E354F756B48UL);
        yield return Row("double[] with a NaN (packed, canonical)", new[] { 1.0, double.NaN }, "31 0f 02000000 000000000000f03f 000000000000f87f", 0x7914853A4E1B82EAUL);
        yield return Row("enum[] (packed as the underlying ints)", new[] { Mood.Angry, Mood.Calm }, "31 06 02000000 01000000 00000000", 0xF7B2FB480F6BC606UL);
        yield return Row("DateOnly[] (packed)", new[] { new DateOnly(2024, 1, 2) }, "31 15 01000000 46460b00", 0x57BDA106ECA4F8AAUL);
        yield return Row("string[]", new[] { "a", null }, "30 02000000 20 01000000 6100 00", 0x5893477505812E48UL);
        yield return Row("int?[]", new int?[] { 1, null }, "30 02000000 06 01000000 00", 0xF548BD4D643A9A50UL);
        yield return Row("set (sorted by encoding)", new HashSet<int> { 2, 1 }, "32 02000000 06 01000000 06 02000000", 0xAE7CD11459D3E3DCUL);
        yield return Row("dictionary (sorted by encoding)", new Dictionary<string, int> { ["b"] = 2, ["a"] = 1 },
            "33 02000000 20 01000000 6100 06 01000000 20 01000000 6200 06 02000000", 0xBD778D49FB16C7C9UL);
        yield return Row("ReadOnlyMemory<byte> (packed)", new ReadOnlyMemory<byte>([1, 2, 3]), "31 03 03000000 010203", 0x227D3E354F756B48UL);
        yield return Row("IStableHashable", new Money(12.5m, "EUR"),
            "40 10 7d000000 00000000 00000000 00000100 20 03000000 450055005200 42", 0x104A4430297A29D3UL);
        yield return Row("nested lists", new List<int[]> { new[] { 1 }, Array.Empty<int>() },
            "30 02000000 31 06 01000000 01000000 31 06 00000000", 0xFF81A9261D3A1A13UL);
    }

    [TestCaseSource(nameof(Table))]
    public void The_encoding_and_the_fingerprint_are_pinned(Pinned pinned, string encoding, ulong fingerprint)
    {
        var bytes = pinned.Encoding();
        Assert.That(Convert.ToHexStringLower(bytes), Is.EqualTo(encoding.Replace(" ", "", StringComparison.Ordinal)));
        Assert.That(pinned.Fingerprint(), Is.EqualTo(System.IO.Hashing.XxHash64.HashToUInt64(bytes)), "the fingerprint is XXH64 of the encoding");
        Assert.That(pinned.Fingerprint().ToString("x16", CultureInfo.InvariantCulture), Is.EqualTo(fingerprint.ToString("x16", CultureInfo.InvariantCulture)));
    }

    [Test]
    public void The_fingerprint_of_nothing_is_the_hash_of_no_bytes()
    {
        var writer = default(FingerprintWriter);

        Assert.That(writer.GetFingerprint(), Is.EqualTo(0xEF46DB3751D8E999UL));
    }

    private static TestCaseData Row<T>(string name, T value, string encoding, ulong fingerprint) =>
        new TestCaseData(
            new Pinned(
                () => FingerprintWriter.EncodingOf(value, static (ref FingerprintWriter writer, T v) => writer.Write(v)),
                () => Fingerprint.Of(value)),
            encoding,
            fingerprint)
        { TestName = name };

    /// <summary>A row's value, behind delegates so that the table can hold values of every type.</summary>
    public sealed record Pinned(Func<byte[]> Encoding, Func<ulong> Fingerprint)
    {
        public override string ToString() => "value";
    }

    private sealed record Money(decimal Amount, string Currency) : IStableHashable
    {
        public void WriteFingerprint(ref FingerprintWriter writer)
        {
            writer.Write(Amount);
            writer.Write(Currency);
        }
    }
}
