using System.Collections;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Flux;

/// <summary>What generated task handles do to arguments before a call holds them; not meant for user code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskArguments
{
    /// <summary>
    /// A parameter declared <c>IEnumerable&lt;T&gt;</c> may be given a lazy sequence that can be enumerated only once.
    /// The call's fingerprint enumerates its arguments, and a retry runs the body again, so a sequence that is not a
    /// collection is read once, here, into an array that the fingerprint and every attempt of the body share. A
    /// collection is passed through untouched.
    /// </summary>
    [return: NotNullIfNotNull(nameof(items))]
    public static IEnumerable<T>? Materialize<T>(IEnumerable<T>? items) =>
        items is null or ICollection<T> or IReadOnlyCollection<T> or ICollection ? items : items.ToArray();

    /// <summary>The non-generic form of <see cref="Materialize{T}(IEnumerable{T})"/>, for a parameter declared <see cref="IEnumerable"/>.</summary>
    [return: NotNullIfNotNull(nameof(items))]
    public static IEnumerable? Materialize(IEnumerable? items) =>
        items is null or ICollection ? items : items.Cast<object?>().ToArray();
}
