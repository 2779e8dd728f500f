using System.Globalization;
using System.Text;

namespace Flux;

/// <summary>
/// The deterministic identity of one task call within an execution: the path of the scopes it was made in, then the
/// task's name, the fingerprint of its arguments and its occurrence (the how-many-th call with that name and those
/// arguments in its scope). It comes from the program's structure, never from timing: two runs of the same code with
/// the same inputs give the same ids, whichever call finishes first, in whatever process or culture. A resumed
/// execution replays a call by finding its id in the log.
/// </summary>
/// <remarks>
/// <para>The text form (<see cref="ToString"/>, built only when read) is fixed, because stored executions depend on it:</para>
/// <list type="table">
/// <item><term>a call in the workflow body</term><description><c>{task}_{fingerprint:x16}</c>, then <c>~{n}</c> for the n-th (n &gt; 0) identical call</description></item>
/// <item><term>a call inside a task body</term><description><c>{parent call id}/{call}</c></description></item>
/// <item><term>item k of a Map</term><description><c>{scope}/map:{task}[k]/{call}</c>; the n-th Map of that task in its scope is <c>map:{task}~{n}</c></description></item>
/// <item><term>slot k of a Parallel</term><description><c>{scope}/parallel[k]/{call}</c>; the n-th Parallel in its scope is <c>parallel~{n}</c></description></item>
/// <item><term>a graph node</term><description><c>{scope}/graph:{graph}/{node}/{call}</c>; the n-th run of that graph in its scope is <c>graph:{graph}~{n}</c></description></item>
/// </list>
/// <para>where <c>{scope}/</c> is empty in the workflow body. <see cref="Position"/> (the how-many-th call started in its
/// scope) is not part of the text: replay compares it to report a workflow that no longer makes the same calls.</para>
/// </remarks>
public readonly struct TaskCallId : IEquatable<TaskCallId>
{
    private readonly Scope? _scope;
    private readonly int _slot;

    internal TaskCallId(Scope? scope, int slot, string name, ulong fingerprint, int occurrence, int position)
    {
        _scope = scope;
        _slot = slot;
        Name = name;
        Fingerprint = fingerprint;
        Occurrence = occurrence;
        Position = position;
    }

    /// <summary>The task's name.</summary>
    public string Name { get; }

    /// <summary>The stable 64-bit fingerprint of the call's arguments.</summary>
    public ulong Fingerprint { get; }

    /// <summary>0 for the first call with this name and these arguments in its scope, 1 for the second, and so on.</summary>
    public int Occurrence { get; }

    /// <summary>The how-many-th call started in its scope: 0 for the first. A call in a Map item, a Parallel slot or a graph node is its slot's only call (0).</summary>
    public int Position { get; }

    /// <summary>The path of the scopes the call was made in (empty in the workflow body), as it prefixes the id's text.</summary>
    public string ScopePath
    {
        get
        {
            var text = new StringBuilder();
            AppendScope(text, _scope, _slot);
            if (text.Length > 0)
            {
                text.Length--; // the '/' before the call's own segment
            }

            return text.ToString();
        }
    }

    /// <inheritdoc/>
    public bool Equals(TaskCallId other) =>
        Fingerprint == other.Fingerprint && Occurrence == other.Occurrence && _slot == other._slot
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && (ReferenceEquals(_scope, other._scope) || string.Equals(ScopePath, other.ScopePath, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TaskCallId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Fingerprint, Occurrence, _slot);

    /// <summary>Compares two ids.</summary>
    public static bool operator ==(TaskCallId left, TaskCallId right) => left.Equals(right);

    /// <summary>Compares two ids.</summary>
    public static bool operator !=(TaskCallId left, TaskCallId right) => !left.Equals(right);

    /// <summary>The id's text, as stored and replayed; see the remarks for its form.</summary>
    public override string ToString()
    {
        if (Name is null)
        {
            return "";
        }

        if (_scope is null or RootScope && _slot < 0)
        {
            return Occurrence == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{Name}_{Fingerprint:x16}")
                : string.Create(CultureInfo.InvariantCulture, $"{Name}_{Fingerprint:x16}~{Occurrence}");
        }

        var text = new StringBuilder(64);
        Append(text, _scope, _slot, Name, Fingerprint, Occurrence);
        return text.ToString();
    }

    /// <summary>Appends the text of the call (name, fingerprint, occurrence) made in <paramref name="scope"/>, in slot <paramref name="slot"/> or none (-1).</summary>
    internal static void Append(StringBuilder text, Scope? scope, int slot, string name, ulong fingerprint, int occurrence)
    {
        AppendScope(text, scope, slot);
        text.Append(name).Append('_').Append(CultureInfo.InvariantCulture, $"{fingerprint:x16}");
        if (occurrence > 0)
        {
            text.Append('~').Append(occurrence.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void AppendScope(StringBuilder text, Scope? scope, int slot)
    {
        if (scope is null)
        {
            return;
        }

        if (slot >= 0)
        {
            scope.AppendSlotPrefix(text, slot);
        }
        else
        {
            scope.AppendPrefix(text);
        }
    }
}
