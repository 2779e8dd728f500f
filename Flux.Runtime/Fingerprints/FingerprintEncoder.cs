namespace Flux;

/// <summary>Writes the encoding of one value of <typeparamref name="T"/>: an item of a sequence, a key or a value of a dictionary.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <param name="writer">The writer.</param>
/// <param name="value">The value.</param>
public delegate void FingerprintEncoder<in T>(ref FingerprintWriter writer, T value);
