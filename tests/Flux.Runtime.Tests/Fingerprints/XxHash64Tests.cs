using System.Text;
using Reference = System.IO.Hashing.XxHash64;

namespace Flux.Runtime.Tests.Fingerprints;

/// <summary>The fingerprint's hash is XXH64 with seed 0, whatever way the input is split into appends.</summary>
public sealed class XxHash64Tests
{
    [TestCase("", 0xEF46DB3751D8E999UL)]
    [TestCase("a", 0xD24EC4F1A98C6E5BUL)]
    [TestCase("abc", 0x44BC2CF5AD770999UL)]
    [TestCase("Nobody inspects the spammish repetition", 0xFBCEA83C8A378BF1UL)]
    public void Matches_the_published_test_vectors(string text, ulong expected)
    {
        var hash = default(XxHash64);
        hash.Append(Encoding.ASCII.GetBytes(text));

        Assert.That(hash.Digest(), Is.EqualTo(expected));
    }

    [Test]
    public void Matches_the_reference_implementation_for_every_length_up_to_several_stripes()
    {
        var random = new Random(7);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var hash = default(XxHash64);
            hash.Append(data);

            Assert.That(hash.Digest(), Is.EqualTo(Reference.HashToUInt64(data)), $"length {length}");
        }
    }

    [Test]
    public void Gives_the_same_hash_however_the_input_is_split()
    {
        var random = new Random(11);
        var data = new byte[1000];
        random.NextBytes(data);
        var expected = Reference.HashToUInt64(data);

        for (var round = 0; round < 200; round++)
        {
            var hash = default(XxHash64);
            var rest = data.AsSpan();
            while (!rest.IsEmpty)
            {
                var take = Math.Min(rest.Length, random.Next(0, 70));
                hash.Append(rest[..take]);
                rest = rest[take..];
            }

            Assert.That(hash.Digest(), Is.EqualTo(expected), $"round {round}");
        }
    }

    [Test]
    public void Digest_leaves_the_state_as_it_is()
    {
        var hash = default(XxHash64);
        hash.Append("first part, "u8);
        _ = hash.Digest();
        hash.Append("second part"u8);

        Assert.That(hash.Digest(), Is.EqualTo(Reference.HashToUInt64("first part, second part"u8)));
    }
}
