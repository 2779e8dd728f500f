using System.Globalization;

namespace Flux;

/// <summary>
/// The deterministic identity of one task call within an execution: the task name, a stable hash of the
/// arguments and the occurrence (the how-many-th identical call this is). A resumed execution replays a
/// call by finding its id in the log, so the id must not depend on the process, the time or the thread.
/// </summary>
/// <remarks>The text form, <c>{name}_{hash:x16}</c> with a <c>~{occurrence}</c> suffix after the first, is built only when read.</remarks>
public readonly struct TaskCallId : IEquatable<TaskCallId>
{
    /// <summary>Creates an id.</summary>
    public TaskCallId(string name, ulong argumentsHash, int occurrence)
    {
        Name = name;
        ArgumentsHash = argumentsHash;
        Occurrence = occurrence;
    }

    /// <summary>The task name.</summary>
    public string Name { get; }

    /// <summary>The stable 64-bit hash of the call's arguments.</summary>
    public ulong ArgumentsHash { get; }

    /// <summary>0 for the first call with this name and these arguments in the execution, 1 for the second, and so on.</summary>
    public int Occurrence { get; }

    /// <inheritdoc/>
    public bool Equals(TaskCallId other) =>
        ArgumentsHash == other.ArgumentsHash && Occurrence == other.Occurrence && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TaskCallId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, ArgumentsHash, Occurrence);

    /// <summary>Compares two ids.</summary>
    public static bool operator ==(TaskCallId left, TaskCallId right) => left.Equals(right);

    /// <summary>Compares two ids.</summary>
    public static bool operator !=(TaskCallId left, TaskCallId right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => Occurrence == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Name}_{ArgumentsHash:x16}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name}_{ArgumentsHash:x16}~{Occurrence}");
}
