namespace Flux;

/// <summary>
/// A type that gives its own exact encoding for task-call fingerprints. Implement it on a type the generator cannot
/// see through (one without readable members, an interface or abstract type whose values vary, a type from a library):
/// write every part that identifies the value, with <see cref="FingerprintWriter"/>'s methods, in a fixed order.
/// </summary>
/// <remarks>
/// The encoding is part of every recorded call id that holds the value: changing what it writes changes those ids, and
/// executions recorded before the change no longer replay. See <c>docs/fingerprints.md</c>.
/// </remarks>
/// <example>
/// <code>
/// public sealed class Customer : IStableHashable
/// {
///     private readonly string _id;
///     private readonly string _region;
///
///     public void WriteFingerprint(ref FingerprintWriter writer)
///     {
///         writer.Write(_id);
///         writer.Write(_region);
///     }
/// }
/// </code>
/// </example>
public interface IStableHashable
{
    /// <summary>Writes this value's identifying parts, in a fixed order.</summary>
    /// <param name="writer">The writer to write them to.</param>
    void WriteFingerprint(ref FingerprintWriter writer);
}
