using Flux.Generators.Symbols;
using Flux.Generators.Writing;
using Flux.Shared.Declarations;

namespace Flux.Generators.Workflows;

/// <summary>Writes one workflow's handle, <c>{W}Workflow</c>, and the diagram of its graph, <c>{W}Diagram</c>, when it has one.</summary>
internal static class WorkflowEmitter
{
    public static void Write(SourceWriter writer, WorkflowModel workflow)
    {
        var handleType = "global::Flux.WorkflowHandle<" + workflow.InputType + ", " + workflow.OutputType + ">";
        var invocation = (workflow.IsStatic ? workflow.Type.FullyQualifiedName : "this") + "." + workflow.MethodName + "(context)";
        var body = workflow.Body == BodyKind.ValueTaskOfT
            ? invocation
            : "new " + KnownTypes.ValueTask + "<" + workflow.OutputType + ">(" + invocation + ")";

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The Flux workflow <c>" + GeneratedCode.Xml(workflow.RuntimeName) + "</c>, which runs <see cref=\"" + workflow.Cref + "\"/>: <c>RunAsync</c> runs it");
        writer.WriteLine("/// and returns the finished execution, with its output, state and event log.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        // Made on first use, so that a static initializer of the class can use it whatever the order of the fields.
        writer.WriteLine(workflow.Accessibility + (workflow.IsStatic ? " static " : " ") + handleType + " " + workflow.PropertyName + " => " + workflow.FieldName + " ??= new(");

        writer.Indent();
        writer.WriteLine(GeneratedCode.Literal(workflow.RuntimeName) + ",");
        writer.WriteLine((workflow.IsStatic ? "static " : string.Empty) + "context => " + body + ",");
        if (workflow.Diagram is null)
        {
            writer.WriteLine("acceptsNullInput: " + (workflow.AcceptsNullInput ? "true" : "false") + ");");
        }
        else
        {
            writer.WriteLine("acceptsNullInput: " + (workflow.AcceptsNullInput ? "true" : "false") + ",");
            writer.WriteLine("diagram: " + workflow.DiagramName + ");");
        }

        writer.Unindent();

        writer.WriteLine();
        writer.WriteLine(GeneratedCode.HiddenFromIntelliSense);
        writer.WriteLine("private " + (workflow.IsStatic ? "static " : string.Empty) + handleType + "? " + workflow.FieldName + ";");

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
