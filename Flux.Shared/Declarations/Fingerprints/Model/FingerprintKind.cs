namespace Flux.Shared.Declarations.Fingerprints;

/// <summary>How a value of a type is written to a <c>FingerprintWriter</c>.</summary>
internal enum FingerprintKind
{
    /// <summary>A value the runtime encodes itself (numbers, strings, dates, enums, their nullables): <c>writer.Write(value)</c>.</summary>
    Scalar,

    /// <summary>An <c>IStableHashable</c>: <c>writer.WriteStable(value)</c>.</summary>
    Stable,

    /// <summary>A value whose kind is known only at run time (or has no value encoding): <c>writer.Write(value)</c>, which may refuse it.</summary>
    Dynamic,

    /// <summary>A collection or a sequence: <c>writer.WriteSequence(value)</c>, by its items.</summary>
    Sequence,

    /// <summary>A <c>Memory&lt;T&gt;</c> or <c>ReadOnlyMemory&lt;T&gt;</c>: <c>writer.WriteSpan(value.Span)</c>.</summary>
    Memory,

    /// <summary>A set: <c>writer.WriteSet(value)</c>, in sorted order.</summary>
    Set,

    /// <summary>A dictionary: <c>writer.WriteDictionary(value)</c>, in sorted order.</summary>
    Dictionary,

    /// <summary>A <c>KeyValuePair&lt;TKey, TValue&gt;</c>: <c>writer.WritePair(value)</c>.</summary>
    Pair,

    /// <summary>A tuple: a generated encoder writes its elements in order.</summary>
    Tuple,

    /// <summary>A nullable struct that the runtime does not encode itself: a generated encoder writes the value or null.</summary>
    Nullable,

    /// <summary>A record, class or struct the generator sees through: a generated encoder writes its members by name.</summary>
    Object,
}
