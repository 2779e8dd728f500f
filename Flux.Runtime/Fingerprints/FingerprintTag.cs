namespace Flux;

/// <summary>
/// The first byte of every encoded value: what follows it. Pinned forever (see <c>docs/fingerprints.md</c>): a value
/// changed here changes every fingerprint that contains the kind, and recorded executions would no longer replay.
/// </summary>
/// <remarks>Fixed-width kinds (0x01-0x1F) are followed by exactly <see cref="FingerprintPayload.Size"/> bytes.</remarks>
internal enum FingerprintTag : byte
{
    /// <summary>A null reference or an empty <see cref="Nullable{T}"/>; nothing follows.</summary>
    Null = 0x00,

    /// <summary>A <see cref="bool"/>: one byte, 0 or 1.</summary>
    Boolean = 0x01,

    /// <summary>An <see cref="sbyte"/>: one byte.</summary>
    SByte = 0x02,

    /// <summary>A <see cref="byte"/>: one byte.</summary>
    Byte = 0x03,

    /// <summary>A <see cref="short"/>: two bytes, little-endian.</summary>
    Int16 = 0x04,

    /// <summary>A <see cref="ushort"/>: two bytes, little-endian.</summary>
    UInt16 = 0x05,

    /// <summary>An <see cref="int"/>: four bytes, little-endian.</summary>
    Int32 = 0x06,

    /// <summary>A <see cref="uint"/>: four bytes, little-endian.</summary>
    UInt32 = 0x07,

    /// <summary>A <see cref="long"/> (and an <see cref="nint"/>): eight bytes, little-endian.</summary>
    Int64 = 0x08,

    /// <summary>A <see cref="ulong"/> (and an <see cref="nuint"/>): eight bytes, little-endian.</summary>
    UInt64 = 0x09,

    /// <summary>An <see cref="System.Int128"/>: sixteen bytes, little-endian.</summary>
    Int128 = 0x0A,

    /// <summary>A <see cref="System.UInt128"/>: sixteen bytes, little-endian.</summary>
    UInt128 = 0x0B,

    /// <summary>A <see cref="char"/>: its UTF-16 code unit, two bytes, little-endian.</summary>
    Char = 0x0C,

    /// <summary>A <see cref="System.Half"/>: its bits, two bytes, little-endian (every NaN as 0x7E00).</summary>
    Half = 0x0D,

    /// <summary>A <see cref="float"/>: its bits, four bytes, little-endian (every NaN as 0x7FC00000).</summary>
    Single = 0x0E,

    /// <summary>A <see cref="double"/>: its bits, eight bytes, little-endian (every NaN as 0x7FF8000000000000).</summary>
    Double = 0x0F,

    /// <summary>A <see cref="decimal"/>: <see cref="decimal.GetBits(decimal)"/> (low, middle, high, flags), four little-endian int32s.</summary>
    Decimal = 0x10,

    /// <summary>A <see cref="System.Guid"/>: its sixteen bytes in <see cref="Guid.TryWriteBytes(Span{byte}, bool, out int)"/> little-endian layout.</summary>
    Guid = 0x11,

    /// <summary>A <see cref="System.DateTime"/>: its ticks (int64, little-endian) and its kind (one byte).</summary>
    DateTime = 0x12,

    /// <summary>A <see cref="System.DateTimeOffset"/>: its clock ticks (int64) and its offset in minutes (int16), little-endian.</summary>
    DateTimeOffset = 0x13,

    /// <summary>A <see cref="System.TimeSpan"/>: its ticks, int64 little-endian.</summary>
    TimeSpan = 0x14,

    /// <summary>A <see cref="System.DateOnly"/>: its day number, int32 little-endian.</summary>
    DateOnly = 0x15,

    /// <summary>A <see cref="System.TimeOnly"/>: its ticks, int64 little-endian.</summary>
    TimeOnly = 0x16,

    /// <summary>A <see cref="string"/>: its length in UTF-16 code units (uint32, little-endian), then the code units, little-endian.</summary>
    String = 0x20,

    /// <summary>A <see cref="System.Numerics.BigInteger"/>: its byte count (uint32), then its two's-complement bytes, little-endian.</summary>
    BigInteger = 0x21,

    /// <summary>A <see cref="System.Uri"/>: its original string, encoded as a <see cref="String"/> payload.</summary>
    Uri = 0x22,

    /// <summary>A sequence: its count (uint32, little-endian), then each item, in order.</summary>
    Sequence = 0x30,

    /// <summary>
    /// A sequence of a fixed-width kind: the kind's tag (one byte), the count (uint32), then each item's payload
    /// without its tag. Arrays of primitives are hashed through their bytes this way.
    /// </summary>
    PackedSequence = 0x31,

    /// <summary>A set: its count (uint32), then each item, in ascending ordinal order of the items' encodings.</summary>
    Set = 0x32,

    /// <summary>
    /// A dictionary: its count (uint32), then each entry (the key, then the value), in ascending ordinal order of the
    /// entries' encodings.
    /// </summary>
    Dictionary = 0x33,

    /// <summary>A tuple or a key-value pair: its length (uint32), then each element, in order.</summary>
    Tuple = 0x34,

    /// <summary>The start of an object: members (<see cref="Name"/> then value), or what an <see cref="IStableHashable"/> writes, until <see cref="EndObject"/>.</summary>
    Object = 0x40,

    /// <summary>A member name inside an object: encoded as a <see cref="String"/> payload.</summary>
    Name = 0x41,

    /// <summary>The end of an object.</summary>
    EndObject = 0x42,
}
