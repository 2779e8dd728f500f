using System.Buffers.Binary;
using ReferenceXxHash64 = System.IO.Hashing.XxHash64;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;

namespace Flux.Benchmarks;

/// <summary>
/// The cost of a call's fingerprint, through the generated encoders, against a hand-written baseline that writes the same
/// bytes into a stack buffer and hashes them at once with System.IO.Hashing's XXH64: what the fingerprint costs beyond the
/// hashing itself. The 10 MB array is measured against XXH64 over the same bytes (the hash's own throughput).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class FingerprintBenchmarks
{
    public sealed record Customer(string Id, string Name, decimal CreditLimit);

    [Task] public static int Count(int quantity) => quantity;

    [Task] public static decimal Quote(string sku, int quantity, Customer customer) => quantity * customer.CreditLimit;

    [Task] public static int Length(byte[] payload) => payload.Length;

    private readonly Customer _customer = new("C-1042", "ACME Industries", 25_000.50m);
    private readonly byte[] _payload = new byte[10 * 1024 * 1024];

    [GlobalSetup]
    public void Setup() => new Random(1).NextBytes(_payload);

    [BenchmarkCategory("int"), Benchmark(Baseline = true)]
    public ulong HandWrittenInt()
    {
        Span<byte> bytes = stackalloc byte[5];
        bytes[0] = 0x06;
        BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], 42);
        return ReferenceXxHash64.HashToUInt64(bytes);
    }

    [BenchmarkCategory("int"), Benchmark]
    public ulong FluxInt() => CountTask.HashOf(42);

    [BenchmarkCategory("string, int, record"), Benchmark(Baseline = true)]
    public ulong HandWrittenStringIntRecord()
    {
        Span<byte> bytes = stackalloc byte[256];
        var at = 0;
        at = Text(bytes, at, 0x20, "SKU-7731");
        bytes[at++] = 0x06;
        BinaryPrimitives.WriteInt32LittleEndian(bytes[at..], 3);
        at += 4;
        bytes[at++] = 0x40;
        at = Text(bytes, at, 0x41, "CreditLimit");
        bytes[at++] = 0x10;
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(_customer.CreditLimit, parts);
        foreach (var part in parts)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes[at..], part);
            at += 4;
        }

        at = Text(bytes, at, 0x41, "Id");
        at = Text(bytes, at, 0x20, _customer.Id);
        at = Text(bytes, at, 0x41, "Name");
        at = Text(bytes, at, 0x20, _customer.Name);
        bytes[at++] = 0x42;
        return ReferenceXxHash64.HashToUInt64(bytes[..at]);

        static int Text(Span<byte> bytes, int at, byte tag, string text)
        {
            bytes[at++] = tag;
            BinaryPrimitives.WriteInt32LittleEndian(bytes[at..], text.Length);
            at += 4;
            MemoryMarshal.AsBytes(text.AsSpan()).CopyTo(bytes[at..]);
            return at + (text.Length * 2);
        }
    }

    [BenchmarkCategory("string, int, record"), Benchmark]
    public ulong FluxStringIntRecord() => QuoteTask.HashOf(("SKU-7731", 3, _customer));

    [BenchmarkCategory("10 MB byte[]"), Benchmark(Baseline = true)]
    public ulong ReferenceXxHash64Of10MB() => ReferenceXxHash64.HashToUInt64(_payload);

    [BenchmarkCategory("10 MB byte[]"), Benchmark]
    public ulong Flux10MB() => LengthTask.HashOf(_payload);
}
