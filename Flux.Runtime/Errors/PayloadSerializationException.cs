namespace Flux;

/// <summary>
/// A durable run could not write or read a value of its log as JSON: the <see cref="RunOptions.Json"/> options have no
/// metadata for its type (register it on your <c>JsonSerializerContext</c>), or the stored JSON does not fit the type the
/// code now expects. The message names the task or workflow, the value and the type.
/// </summary>
public sealed class PayloadSerializationException : FluxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be serialized and the fix.</param>
    /// <param name="valueType">The type of the value.</param>
    /// <param name="innerException">The serializer's exception.</param>
    public PayloadSerializationException(string message, Type? valueType, Exception? innerException = null)
        : base(message, innerException)
    {
        ValueType = valueType;
    }

    /// <summary>The type of the value that could not be written or read.</summary>
    public Type? ValueType { get; }
}
