using System.Collections.Generic;
using System.Collections.Immutable;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations;

/// <summary>
/// Something a reader found wrong in a declaration: which entry of the diagnostic table, where, and the message's
/// arguments. The analyzers report it as it is; the generator only learns that there is one.
/// </summary>
internal sealed class DeclarationProblem
{
    public DeclarationProblem(FluxDiagnostic diagnostic, Location location, IReadOnlyList<string> arguments, ImmutableDictionary<string, string?>? properties = null)
    {
        Diagnostic = diagnostic;
        Location = location;
        Arguments = arguments;
        Properties = properties;
    }

    /// <summary>The entry of the diagnostic table.</summary>
    public FluxDiagnostic Diagnostic { get; }

    /// <summary>The code, <c>FLUXnnn</c>.</summary>
    public string Code => Diagnostic.Id;

    /// <summary>Where to report it.</summary>
    public Location Location { get; }

    /// <summary>The arguments of the message format.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>What the code fix needs to know, if anything.</summary>
    public ImmutableDictionary<string, string?>? Properties { get; }

    /// <summary>The message, without the code.</summary>
    public string Message => Diagnostic.Format(Arguments);

    /// <inheritdoc/>
    public override string ToString() => Code + ": " + Message;
}
