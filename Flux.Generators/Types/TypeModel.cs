using Flux.Generators.Tasks;
using Flux.Generators.Workflows;
using Flux.Shared.Declarations;

namespace Flux.Generators.Types;

/// <summary>Everything generated into one partial type: one generated file.</summary>
/// <param name="Type">The type.</param>
/// <param name="HintName">The file's hint name, unique in the assembly (<c>Demo.Greetings.g.cs</c>).</param>
/// <param name="Tasks">Its tasks, in source order.</param>
/// <param name="Workflows">Its workflows, in source order.</param>
internal sealed record TypeModel(
    ContainingTypeModel Type,
    string HintName,
    EquatableArray<TaskModel> Tasks,
    EquatableArray<WorkflowModel> Workflows);
