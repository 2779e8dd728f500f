using Microsoft.CodeAnalysis;

namespace Flux.Analyzers;

/// <summary>Orders locations by file path, then position: "the first" of several duplicates is then deterministic.</summary>
internal static class SourceOrder
{
    public static int Compare(Location left, Location right)
    {
        var byPath = string.CompareOrdinal(left.SourceTree?.FilePath, right.SourceTree?.FilePath);
        return byPath != 0 ? byPath : left.SourceSpan.Start.CompareTo(right.SourceSpan.Start);
    }
}
