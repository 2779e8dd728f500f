using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Flux.Generators.Symbols;
using Flux.Shared.Declarations;

namespace Flux.Generators.Catalog;

/// <summary>Builds the per-assembly catalog from the small name records of every task and workflow.</summary>
internal static class CatalogBuilder
{
    /// <summary>The catalog entries of the methods the generator wraps (the parsers return null for the others).</summary>
    public static EquatableArray<CatalogEntry> Entries<T>(ImmutableArray<T> methods, Func<T, CatalogEntry?> entry)
    {
        var entries = new List<CatalogEntry>(methods.Length);
        foreach (var method in methods)
        {
            if (entry(method) is { } found)
            {
                entries.Add(found);
            }
        }

        return new EquatableArray<CatalogEntry>(entries.ToArray());
    }

    /// <summary>The catalog, or null when the assembly has no task and no workflow the generator can wrap.</summary>
    /// <remarks>
    /// Two tasks (or workflows) with the same name are an error (FLUX107) that the analyzer reports; until it is fixed
    /// the catalog still compiles and loses nothing: both are listed (names sorted, then by the member that reaches the
    /// handle), and a look-up by name finds the first of them in that order. The runtime rejects the duplicate name where
    /// a name must identify one task (durable ids).
    /// </remarks>
    public static CatalogModel? Build(IEnumerable<CatalogEntry> tasks, IEnumerable<CatalogEntry> workflows, string assemblyName, string? jsonContext)
    {
        var all = tasks.Concat(workflows).ToList();
        var excluded = FindExcluded(all);
        var kept = all.Where((_, i) => !excluded[i]).ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        EquatableArray<CatalogEntry> Handles(FluxKind kind) => Sorted(kept.Where(e => e.Kind == kind && e.InCatalog));

        EquatableArray<string> Names(FluxKind kind) => new(kept
            .Where(e => e.Kind == kind)
            .Select(e => e.RuntimeName)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray());

        return new CatalogModel(
            TypeText.AssemblyNamespace(assemblyName),
            Handles(FluxKind.Workflow),
            Handles(FluxKind.Task),
            Names(FluxKind.Workflow),
            Names(FluxKind.Task),
            Sorted(kept.Where(e => e.Workflow is not null)),
            jsonContext);
    }

    /// <summary>By name, then by the member that reaches the handle (two with one name, FLUX107, keep one order).</summary>
    private static EquatableArray<CatalogEntry> Sorted(IEnumerable<CatalogEntry> entries) => new(entries
        .OrderBy(e => e.RuntimeName, StringComparer.Ordinal)
        .ThenBy(e => e.Access, StringComparer.Ordinal)
        .ToArray());

    /// <summary>
    /// Marks every entry that must not be generated: all claimants of a member name generated twice into one type
    /// (FLUX103: the file would not compile). Leaving out every party keeps the result independent of source order.
    /// Tasks (or workflows) that share a runtime name (FLUX107) are generated: their handles compile, and only the
    /// analyzer's error remains for the user to fix.
    /// </summary>
    public static bool[] FindExcluded(IReadOnlyList<CatalogEntry> entries)
    {
        var memberClaims = new Dictionary<(string Type, string Member), int>();
        foreach (var entry in entries)
        {
            foreach (var member in entry.GeneratedNames)
            {
                memberClaims.TryGetValue((entry.TypeKey, member), out var count);
                memberClaims[(entry.TypeKey, member)] = count + 1;
            }
        }

        var excluded = new bool[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            excluded[i] = entry.GeneratedNames.Any(member => memberClaims[(entry.TypeKey, member)] > 1);
        }

        return excluded;
    }
}
