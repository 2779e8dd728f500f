using System.Threading;
using Flux.Generators.DeclarativeGraphs.Model;
using Flux.Generators.Types;
using Flux.Generators.Writing;

namespace Flux.Generators.DeclarativeGraphs;

/// <summary>
/// Writes a declarative graph's file: the method's body (see <see cref="DeclarativeBodyEmitter"/>), its workflow handle
/// and its diagram constant.
/// </summary>
internal static class DeclarativeGraphEmitter
{
    public static string Emit(DeclarativeGraphModel graph, CancellationToken cancellationToken)
    {
        var writer = new SourceWriter();
        GeneratedCode.WriteHeader(writer, graph.Type.Namespace);
        TypeEmitter.WriteDeclarations(writer, graph.Type);

        WriteBody(writer, graph, cancellationToken);
        if (graph.HasHandle)
        {
            writer.WriteLine();
            WriteHandle(writer, graph);
        }

        if (graph.HasDiagram)
        {
            writer.WriteLine();
            WriteDiagram(writer, graph);
        }

        TypeEmitter.CloseDeclarations(writer, graph.Type);
        return writer.ToString();
    }

    private static void WriteBody(SourceWriter writer, DeclarativeGraphModel graph, CancellationToken cancellationToken)
    {
        var signature = graph.MethodName + "(" + graph.ParameterType + " " + graph.ParameterName + ")";
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Runs the graph <c>" + GeneratedCode.Xml(graph.RuntimeName) + "</c> declared by the attributes of this method: each node's task is called");
        writer.WriteLine("/// once its upstream nodes ran, independent nodes run at the same time, and the result is the output of");
        writer.WriteLine(graph.HasDiagram
            ? "/// the end node that ran. See <see cref=\"" + graph.DiagramName + "\"/> for the graph."
            : "/// the end node that ran.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        if (graph.Plan is not { } plan)
        {
            // The analyzer reports the same problems at the attributes; this keeps the build free of a second, less
            // helpful error (a partial method without an implementation) and fails like Graph.Build would.
            var first = graph.Problems[0];
            writer.WriteLine(graph.Modifiers + " partial " + graph.ReturnType + " " + signature + " =>");
            writer.Indent();
            writer.WriteLine("throw new global::Flux.GraphValidationException(");
            writer.Indent();
            writer.WriteLine(GeneratedCode.Literal(first.Code) + ",");
            writer.WriteLine(GeneratedCode.Literal(graph.RuntimeName) + ",");
            writer.WriteLine(GeneratedCode.Literal(first.Message) + ",");
            writer.WriteLine("new string[]");
            writer.OpenBlock();
            foreach (var problem in graph.Problems)
            {
                writer.WriteLine(GeneratedCode.Literal(problem.Code + ": " + problem.Message) + ",");
            }

            writer.CloseBlock(");");
            writer.Unindent();
            writer.Unindent();
            return;
        }

        writer.WriteLine(graph.Modifiers + " async partial " + graph.ReturnType + " " + signature);
        writer.OpenBlock();
        DeclarativeBodyEmitter.Write(writer, graph, plan, cancellationToken);
        writer.CloseBlock();
    }

    private static void WriteHandle(SourceWriter writer, DeclarativeGraphModel graph)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The Flux workflow <c>" + GeneratedCode.Xml(graph.RuntimeName) + "</c>, which runs the graph of <see cref=\"" + graph.Cref + "\"/>: <c>RunAsync</c> runs it");
        writer.WriteLine(graph.HasDiagram
            ? "/// and returns the finished execution, with its output, state and event log. Its <c>Diagram</c> is <see cref=\"" + graph.DiagramName + "\"/>."
            : "/// and returns the finished execution, with its output, state and event log.");
        writer.WriteLine("/// </summary>");
        WorkflowHandleWriter.Write(
            writer,
            graph.HandleAccessibility,
            graph.IsStatic,
            graph.Type.FullyQualifiedName,
            graph.MethodName,
            graph.InputType,
            graph.OutputType,
            graph.ReturnsValueTask,
            graph.RuntimeName,
            graph.AcceptsNullInput,
            graph.PropertyName,
            graph.FieldName,
            graph.HasDiagram ? graph.DiagramName : null);
    }

    private static void WriteDiagram(SourceWriter writer, DeclarativeGraphModel graph) =>
        DiagramConstant.Write(
            writer,
            [
                "The graph <c>" + GeneratedCode.Xml(graph.RuntimeName) + "</c> as a Mermaid flowchart, written at build time from the attributes of",
                "<see cref=\"" + graph.Cref + "\"/> (equal to what <c>Graph.ToMermaid()</c> draws for the same graph):",
            ],
            GeneratedCode.Attribute,
            graph.HandleAccessibility,
            graph.DiagramName,
            graph.Diagram);
}
