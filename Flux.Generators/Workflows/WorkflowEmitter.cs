using Flux.Generators.Writing;
using Flux.Shared.Declarations;

namespace Flux.Generators.Workflows;

/// <summary>Writes one workflow's handle, <c>{W}Workflow</c>, and the diagram of its graph, <c>{W}Diagram</c>, when it has one.</summary>
internal static class WorkflowEmitter
{
    public static void Write(SourceWriter writer, WorkflowModel workflow)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The Flux workflow <c>" + GeneratedCode.Xml(workflow.RuntimeName) + "</c>, which runs <see cref=\"" + workflow.Cref + "\"/>: <c>RunAsync</c> runs it");
        writer.WriteLine("/// and returns the finished execution, with its output, state and event log.");
        writer.WriteLine("/// </summary>");
        WorkflowHandleWriter.Write(
            writer,
            workflow.Accessibility,
            workflow.IsStatic,
            workflow.Type.FullyQualifiedName,
            workflow.MethodName,
            workflow.InputType,
            workflow.OutputType,
            workflow.Body == BodyKind.ValueTaskOfT,
            workflow.RuntimeName,
            workflow.AcceptsNullInput,
            workflow.PropertyName,
            workflow.FieldName,
            workflow.Diagram is null ? null : workflow.DiagramName);

        if (workflow.Diagram is { } diagram)
        {
            writer.WriteLine();
            DiagramConstant.Write(
                writer,
                [
                    "The graph that <see cref=\"" + workflow.Cref + "\"/> builds, as a Mermaid flowchart written at build time (equal",
                    "to what <c>Graph.ToMermaid()</c> draws for it):",
                ],
                GeneratedCode.Attribute,
                workflow.Accessibility,
                workflow.DiagramName,
                diagram);
        }
    }
}
