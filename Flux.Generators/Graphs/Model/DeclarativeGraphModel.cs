using Flux.Generators.Helpers;
using Flux.Generators.Model;

namespace Flux.Generators.Graphs.Model;

/// <summary>A declarative graph: a <c>[Workflow]</c> partial method without a body, whose body the generator writes.</summary>
/// <param name="Type">The containing type, as the generated file re-declares it.</param>
/// <param name="HintName">The generated file's hint name (<c>Demo.Flows.Hello.g.cs</c>).</param>
/// <param name="Modifiers">The declaration's modifiers without <c>partial</c> (<c>public static</c>): the implementation repeats them.</param>
/// <param name="MethodName">The method name, escaped.</param>
/// <param name="ReturnType">The declared return type (<c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>), fully qualified.</param>
/// <param name="ReturnsValueTask">True for <c>ValueTask&lt;T&gt;</c>.</param>
/// <param name="ParameterType">The <c>ExecutionContext&lt;TInput&gt;</c> parameter's type, fully qualified.</param>
/// <param name="ParameterName">The parameter's name, escaped.</param>
/// <param name="RuntimeName">The workflow's name, which is also the graph's name.</param>
/// <param name="BaseName">The method name without a trailing <c>Async</c>: the handle is <c>{BaseName}Workflow</c>.</param>
/// <param name="IsStatic">True for a static method.</param>
/// <param name="HandleAccessibility">The accessibility of the handle: <c>public</c>, or narrower when the input or output type is.</param>
/// <param name="InputType">TInput.</param>
/// <param name="OutputType">TOutput.</param>
/// <param name="AcceptsNullInput">False when the input is a non-nullable reference type.</param>
/// <param name="Cref">The method as a doc-comment <c>cref</c>.</param>
/// <param name="Diagram">The Mermaid text, from the shared <c>GraphMermaid</c>.</param>
/// <param name="Nodes">The nodes, in declaration order.</param>
/// <param name="Edges">The edges, in declaration order.</param>
/// <param name="Problems">Every broken rule as <c>"FLUXnnn: message"</c>, in code order; empty for a valid graph.</param>
internal sealed record DeclarativeGraphModel(
    ContainingTypeModel Type,
    string HintName,
    string Modifiers,
    string MethodName,
    string ReturnType,
    bool ReturnsValueTask,
    string ParameterType,
    string ParameterName,
    string RuntimeName,
    string BaseName,
    bool IsStatic,
    string HandleAccessibility,
    string InputType,
    string OutputType,
    bool AcceptsNullInput,
    string Cref,
    string Diagram,
    EquatableArray<GraphNodeModel> Nodes,
    EquatableArray<GraphEdgeModel> Edges,
    EquatableArray<string> Problems)
{
    public string PropertyName => BaseName + "Workflow";

    public string DiagramName => BaseName + "Diagram";

    public string FieldName => FluxNaming.FieldName(PropertyName);

    public bool IsValid => Problems.IsEmpty;
}
