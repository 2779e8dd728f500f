using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Flux.Generators.Helpers;
using Flux.Generators.Model;

namespace Flux.Generators;

/// <summary>Groups the parsed methods into one model per generated file, and builds the catalog.</summary>
public sealed partial class FluxGenerator
{
    internal static class Grouping
    {
        /// <summary>The hint name of the per-assembly catalog; no type file may take it.</summary>
        public const string CatalogHintName = "FluxCatalog.g.cs";

        /// <summary>
        /// One model per containing type, in the order the types were first seen. Methods whose generated names clash
        /// in one type, or whose runtime names clash in the assembly, are left out (FLUX103, FLUX107).
        /// </summary>
        public static ImmutableArray<TypeModel> GroupByType(
            ImmutableArray<TaskModel> tasks,
            ImmutableArray<WorkflowModel> workflows,
            CancellationToken cancellationToken)
        {
            var excluded = FindExcluded(tasks.Select(t => t.Entry).Concat(workflows.Select(w => w.Entry)).ToList());
            var order = new List<string>();
            var groups = new Dictionary<string, (ContainingTypeModel Type, List<TaskModel> Tasks, List<WorkflowModel> Workflows)>(StringComparer.Ordinal);

            (ContainingTypeModel Type, List<TaskModel> Tasks, List<WorkflowModel> Workflows) GroupOf(ContainingTypeModel type)
            {
                if (!groups.TryGetValue(type.FullyQualifiedName, out var group))
                {
                    group = (type, new List<TaskModel>(), new List<WorkflowModel>());
                    groups.Add(type.FullyQualifiedName, group);
                    order.Add(type.FullyQualifiedName);
                }

                return group;
            }

            for (var i = 0; i < tasks.Length; i++)
            {
                if (!excluded[i])
                {
                    GroupOf(tasks[i].Type).Tasks.Add(tasks[i]);
                }
            }

            for (var i = 0; i < workflows.Length; i++)
            {
                if (!excluded[tasks.Length + i])
                {
                    GroupOf(workflows[i].Type).Workflows.Add(workflows[i]);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();

            // Hint names are unique regardless of case; a clash (Box<T> and a type named Box_1) gets a numeric suffix,
            // given in the order of the type names so that it does not depend on the order of files.
            var hintNames = new Dictionary<string, string>(StringComparer.Ordinal);
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { CatalogHintName };
            foreach (var key in order.OrderBy(k => k, StringComparer.Ordinal))
            {
                var stem = groups[key].Type.HintName;
                var candidate = stem + ".g.cs";
                for (var n = 2; !used.Add(candidate); n++)
                {
                    candidate = stem + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
                }

                hintNames[key] = candidate;
            }

            var result = ImmutableArray.CreateBuilder<TypeModel>(order.Count);
            foreach (var key in order)
            {
                var group = groups[key];
                result.Add(new TypeModel(
                    group.Type,
                    hintNames[key],
                    new EquatableArray<TaskModel>(group.Tasks.ToArray()),
                    new EquatableArray<WorkflowModel>(group.Workflows.ToArray())));
            }

            return result.MoveToImmutable();
        }

        /// <summary>The catalog, or null when the assembly has no task and no workflow the generator can wrap.</summary>
        public static CatalogModel? BuildCatalog(ImmutableArray<CatalogEntry> tasks, ImmutableArray<CatalogEntry> workflows, string assemblyName)
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
                FluxNaming.Namespace(assemblyName),
                Handles(FluxKind.Workflow),
                Handles(FluxKind.Task),
                Names(FluxKind.Workflow),
                Names(FluxKind.Task));
        }

        /// <summary>
        /// Marks every entry that must not be generated: all claimants of a member name generated twice into one type, and all
        /// tasks (or workflows) sharing a runtime name. Leaving out every party keeps the result independent of source order.
        /// </summary>
        private static bool[] FindExcluded(IReadOnlyList<CatalogEntry> entries)
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
}
