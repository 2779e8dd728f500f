using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Tasks;

/// <summary>A task's fallback or rollback method that fits the task: what <see cref="CompanionReader"/> returns.</summary>
internal sealed class Companion
{
    public Companion(IMethodSymbol method, BodyKind body, int tokenIndex, bool needsConversion)
    {
        Method = method;
        Body = body;
        TokenIndex = tokenIndex;
        NeedsConversion = needsConversion;
    }

    /// <summary>The method.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>What it returns.</summary>
    public BodyKind Body { get; }

    /// <summary>The position of its <c>CancellationToken</c> parameter, or -1.</summary>
    public int TokenIndex { get; }

    /// <summary>True when (for a fallback) its result is not exactly the task's result type and converts to it.</summary>
    public bool NeedsConversion { get; }
}
