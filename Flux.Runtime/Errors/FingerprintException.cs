namespace Flux;

/// <summary>
/// A value has no exact fingerprint, so a task call that takes it cannot be given a stable id. The message names the
/// type and the fix: implement <see cref="IStableHashable"/>, pass a record, or pass a collection.
/// </summary>
public sealed class FingerprintException : FluxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What cannot be fingerprinted, and the fix.</param>
    /// <param name="valueType">The type of the value that cannot be fingerprinted, if one is to blame.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public FingerprintException(string message, Type? valueType = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ValueType = valueType;
    }

    /// <summary>The type of the value that cannot be fingerprinted, if one is to blame.</summary>
    public Type? ValueType { get; }

    internal static FingerprintException Unsupported(Type type) => new(
        $"A value of type '{TypeNames.Of(type)}' has no exact fingerprint: Flux encodes numbers, strings, dates, enums, tuples, "
        + "collections and the records and classes whose members the generator sees in a parameter's declared type, and this "
        + $"value's type is known only at run time. Implement Flux.IStableHashable on '{TypeNames.Of(type)}', or declare the parameter with the value's own type.",
        type);

    internal static FingerprintException DerivedType(Type actual, Type declared) => new(
        $"A value of type '{TypeNames.Of(actual)}' was passed where '{TypeNames.Of(declared)}' is declared: the generated fingerprint of "
        + $"'{TypeNames.Of(declared)}' covers only its own members, so the members '{TypeNames.Of(actual)}' adds would be missed. "
        + $"Declare the parameter as '{TypeNames.Of(actual)}', seal '{TypeNames.Of(declared)}', or implement Flux.IStableHashable on '{TypeNames.Of(declared)}'.",
        actual);

    internal static FingerprintException TooDeep() => new(
        $"A value nests objects or collections more than {FingerprintWriter.MaxDepth} levels deep, which is what a value that refers to "
        + "itself (a cycle) does: it has no fingerprint. Break the cycle, or implement Flux.IStableHashable on the type that closes it.");

    internal static FingerprintException ChangedWhileWriting(int expected, int written) => new(
        $"A collection changed while it was being fingerprinted (it reported {expected} items and yielded {written}): "
        + "pass a collection that no other thread changes during the call.");
}
