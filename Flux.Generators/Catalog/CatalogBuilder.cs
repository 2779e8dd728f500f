using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Flux.Generators.Infrastructure;
using Flux.Generators.Symbols;

namespace Flux.Generators.Catalog;

/// <summary>Builds the per-assembly catalog from the small name records of every task and workflow.</summary>
internal static class CatalogBuilder
{
    /// <summary>The catalog, or null when the assembly has no task and no workflow the generator can wrap.</summary>
    public static CatalogModel? Build(ImmutableArray<CatalogEntry> tasks, ImmutableArray<CatalogEntry> workflows, string assemblyName)
    {
        var all = tasks.Concat(workflows).ToList();
        var excluded = FindExcluded(all);
        var kept = all.Where((_, i) => !excluded[i]).ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        EquatableArray<CatalogEntry> Handles(FluxKind kind) => new(kept
            .Where(e => e.Kind == kind && e.InCatalog)
            .OrderBy(e => e.RuntimeName, StringComparer.Ordinal)
            .ToArray());

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
            Names(FluxKind.Task));
    }

    /// <summary>
    /// Marks every entry that must not be generated: all claimants of a member name generated twice into one type, and all
    /// tasks (or workflows) sharing a runtime name. Leaving out every party keeps the result independent of source order.
    /// </summary>
    public static bool[] FindExcluded(IReadOnlyList<CatalogEntry> entries)
    {
        var memberClaims = new Dictionary<(string Type, string Member), int>();
        var nameClaims = new Dictionary<(FluxKind Kind, string Name), int>();
        foreach (var entry in entries)
        {
            foreach (var member in entry.GeneratedNames)
            {
                memberClaims.TryGetValue((entry.TypeKey, member), out var count);
                memberClaims[(entry.TypeKey, member)] = count + 1;
            }

            nameClaims.TryGetValue((entry.Kind, entry.RuntimeName), out var claims);
            nameClaims[(entry.Kind, entry.RuntimeName)] = claims + 1;
        }

        var excluded = new bool[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            excluded[i] = nameClaims[(entry.Kind, entry.RuntimeName)] > 1
                || entry.GeneratedNames.Any(member => memberClaims[(entry.TypeKey, member)] > 1);
        }

        return excluded;
    }
}
