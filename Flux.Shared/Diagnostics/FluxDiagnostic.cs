using System.Collections.Generic;
using System.Globalization;

namespace Flux.Shared.Diagnostics;

/// <summary>How serious a <see cref="FluxDiagnostic"/> is.</summary>
internal enum FluxSeverity
{
    /// <summary>The build fails.</summary>
    Error,

    /// <summary>The build warns.</summary>
    Warning,
}

/// <summary>
/// One entry of the table in <see cref="FluxDiagnostics"/>: an id with a title, a message format and a description.
/// The analyzers make their descriptors from it and the runtime formats its exceptions' messages with it, so a
/// message reads the same at compile time and at run time.
/// </summary>
/// <remarks>An id may have several entries: one wording per form a rule takes (a node that names no task is FLUX003 too).</remarks>
internal sealed class FluxDiagnostic
{
    public FluxDiagnostic(string id, string category, FluxSeverity severity, string title, string messageFormat, string description)
    {
        Id = id;
        Category = category;
        Severity = severity;
        Title = title;
        MessageFormat = messageFormat;
        Description = description;
    }

    /// <summary>The stable id, <c>FLUXnnn</c>.</summary>
    public string Id { get; }

    /// <summary>The category of the id's range.</summary>
    public string Category { get; }

    /// <summary>Error or warning.</summary>
    public FluxSeverity Severity { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>The message, with <c>{0}</c>, <c>{1}</c>... for its arguments: what is wrong, a colon, the fix.</summary>
    public string MessageFormat { get; }

    /// <summary>Why the rule exists.</summary>
    public string Description { get; }

    /// <summary>The message with its arguments filled in, culture-invariant.</summary>
    public string Format(IReadOnlyList<string> arguments)
    {
        var values = new object[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = arguments[i];
        }

        return string.Format(CultureInfo.InvariantCulture, MessageFormat, values);
    }

    /// <inheritdoc/>
    public override string ToString() => Id + ": " + Title;
}
