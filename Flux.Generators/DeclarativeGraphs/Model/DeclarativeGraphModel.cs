using Flux.Generators.Types;
using Flux.Shared.Declarations;
using Flux.Shared.Naming;

namespace Flux.Generators.DeclarativeGraphs.Model;

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
/// <param name="Name">The method name, unescaped: the stem of the generated names.</param>
/// <param name="IsStatic">True for a static method.</param>
/// <param name="HandleAccessibility">The accessibility of the handle: <c>public</c>, or narrower when the input or output type is.</param>
/// <param name="InputType">TInput.</param>
/// <param name="OutputType">TOutput.</param>
/// <param name="AcceptsNullInput">False when the input is a non-nullable reference type.</param>
/// <param name="Cref">The method as a doc-comment <c>cref</c>.</param>
/// <param name="Diagram">The Mermaid text, from the shared <c>GraphMermaid</c>.</param>
/// <param name="HasHandle">True when <c>{W}Workflow</c> and its field are free names (FLUX103 otherwise): the handle is written.</param>
/// <param name="HasDiagram">True when <c>{W}Diagram</c> is a free name: the diagram constant is written.</param>
/// <param name="Nodes">The nodes, in declaration order (empty for an invalid graph).</param>
/// <param name="Edges">The edges, in declaration order (empty for an invalid graph).</param>
/// <param name="Plan">The body of a valid graph, decided before any text is written; null for an invalid graph.</param>
/// <param name="Problems">Every broken rule, in code order; empty for a valid graph.</param>
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
    string Name,
    bool IsStatic,
    string HandleAccessibility,
    string InputType,
    string OutputType,
    bool AcceptsNullInput,
    string Cref,
    string Diagram,
    bool HasHandle,
    bool HasDiagram,
    EquatableArray<GraphNodeModel> Nodes,
    EquatableArray<GraphEdgeModel> Edges,
    BodyPlan? Plan,
    EquatableArray<GraphProblemModel> Problems)
{
    /// <summary>The handle property, <c>{W}Workflow</c>.</summary>
    public string PropertyName => GeneratedNames.WorkflowProperty(Name);

    /// <summary>The diagram constant, <c>{W}Diagram</c>.</summary>
    public string DiagramName => GeneratedNames.Diagram(Name);

    /// <summary>The field behind an instance handle, <c>_{w}Workflow</c>.</summary>
    public string FieldName => GeneratedNames.WorkflowField(Name);

    /// <summary>True when the graph breaks no rule.</summary>
    public bool IsValid => Problems.IsEmpty;
}
