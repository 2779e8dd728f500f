using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Flux.Generators.Catalog;
using Flux.Generators.Tasks;
using Flux.Generators.Workflows;
using Flux.Shared.Declarations;
using Flux.Shared.Naming;

namespace Flux.Generators.Types;

/// <summary>Groups the parsed tasks and workflows into one model per generated file.</summary>
internal static class TypeGrouping
{
    /// <summary>
    /// One model per containing type, in the order the types were first seen. Methods whose generated names clash in one
    /// type are left out (FLUX103); methods whose runtime names clash in the assembly are not (FLUX107: their handles
    /// compile, and the analyzer's error is the only one the user sees).
    /// </summary>
    public static ImmutableArray<TypeModel> Group(ImmutableArray<TaskModel?> parsedTasks, ImmutableArray<WorkflowModel?> parsedWorkflows, CancellationToken cancellationToken)
    {
        // The parsers return null for a method they skip (the analyzers say why).
        var tasks = parsedTasks.Where(t => t is not null).Select(t => t!).ToList();
        var workflows = parsedWorkflows.Where(w => w is not null).Select(w => w!).ToList();
        var excluded = CatalogBuilder.FindExcluded(tasks.Select(t => t.Entry).Concat(workflows.Select(w => w.Entry)).ToList());
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

        for (var i = 0; i < tasks.Count; i++)
        {
            if (!excluded[i])
            {
                GroupOf(tasks[i].Type).Tasks.Add(tasks[i]);
            }
        }

        for (var i = 0; i < workflows.Count; i++)
        {
            if (!excluded[tasks.Count + i])
            {
                GroupOf(workflows[i].Type).Workflows.Add(workflows[i]);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        // Hint names are unique regardless of case; a clash (Box<T> and a type named Box_1) gets a numeric suffix,
        // given in the order of the type names so that it does not depend on the order of files.
        var hintNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { GeneratedNames.CatalogHintName };
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
}
