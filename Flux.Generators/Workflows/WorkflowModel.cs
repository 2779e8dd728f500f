using Flux.Generators.Catalog;
using Flux.Generators.Types;
using Flux.Shared.Declarations;
using Flux.Shared.Naming;

namespace Flux.Generators.Workflows;

/// <summary>A <c>[Workflow]</c> method with a body, which the generator exposes as a <c>WorkflowHandle</c>.</summary>
/// <param name="Type">The containing type.</param>
/// <param name="MethodName">The method name, escaped.</param>
/// <param name="RuntimeName">The workflow's name in events and the catalog.</param>
/// <param name="IsStatic">True for a static method.</param>
/// <param name="Accessibility">The accessibility of the handle property: <c>public</c>, or narrower when the input or output type is.</param>
/// <param name="InputType">The <c>TInput</c> of its <c>ExecutionContext&lt;TInput&gt;</c> parameter.</param>
/// <param name="OutputType">The output type.</param>
/// <param name="Body"><see cref="BodyKind.Value"/>, <see cref="BodyKind.TaskOfT"/> or <see cref="BodyKind.ValueTaskOfT"/>.</param>
/// <param name="AcceptsNullInput">False when the input is a non-nullable reference type.</param>
/// <param name="Cref">The method as a doc-comment <c>cref</c>.</param>
/// <param name="Entry">The catalog facts.</param>
/// <param name="Graph">The fluent graph the workflow runs, when it is known at compile time (see <see cref="WorkflowParser"/>); null otherwise.</param>
/// <param name="Diagram">Its Mermaid text, when it breaks no rule: drawn by a later step of the pipeline, only when <paramref name="Graph"/> changes.</param>
internal sealed record WorkflowModel(
    ContainingTypeModel Type,
    string MethodName,
    string RuntimeName,
    bool IsStatic,
    string Accessibility,
    string InputType,
    string OutputType,
    BodyKind Body,
    bool AcceptsNullInput,
    string Cref,
    CatalogEntry Entry,
    FluentDiagrams.GraphSketch? Graph = null,
    string? Diagram = null)
{
    /// <summary>The handle property, <c>{W}Workflow</c>.</summary>
    public string PropertyName => GeneratedNames.WorkflowProperty(Symbols.TypeText.Unescape(MethodName));

    /// <summary>The field behind the handle, <c>_{w}Workflow</c>.</summary>
    public string FieldName => GeneratedNames.WorkflowField(Symbols.TypeText.Unescape(MethodName));

    /// <summary>The diagram constant, <c>{W}Diagram</c>.</summary>
    public string DiagramName => GeneratedNames.Diagram(Symbols.TypeText.Unescape(MethodName));
}
