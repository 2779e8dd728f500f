namespace Flux;

/// <summary>The stable 64-bit fingerprint of a value: the hash of its exact, canonical encoding (see <see cref="FingerprintWriter"/>).</summary>
public static class Fingerprint
{
    /// <summary>The fingerprint of <paramref name="value"/>, encoded as <see cref="FingerprintWriter.Write{T}(T)"/> encodes it.</summary>
    /// <exception cref="FingerprintException">The value, or a part of it, has no exact encoding.</exception>
    public static ulong Of<T>(T value)
    {
        var writer = default(FingerprintWriter);
        writer.Write(value);
        return writer.GetFingerprint();
    }

    /// <summary>The fingerprint of <paramref name="value"/>, encoded by <paramref name="write"/>.</summary>
    /// <exception cref="FingerprintException">The value, or a part of it, has no exact encoding.</exception>
    public static ulong Of<T>(T value, FingerprintEncoder<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var writer = default(FingerprintWriter);
        write(ref writer, value);
        return writer.GetFingerprint();
    }
}
