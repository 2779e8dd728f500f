using Flux.Generators.Symbols;

namespace Flux.Generators.Writing;

/// <summary>
/// Writes a workflow's <c>{W}Workflow</c> handle property and the field behind it: the same text for a workflow with a
/// body (<c>WorkflowEmitter</c>) and a declarative graph (<c>DeclarativeGraphEmitter</c>), whose doc comments differ.
/// </summary>
internal static class WorkflowHandleWriter
{
    /// <param name="writer">Where to write, after the property's doc comment.</param>
    /// <param name="accessibility">The property's accessibility.</param>
    /// <param name="isStatic">True for a static workflow method.</param>
    /// <param name="containingType">The containing type, fully qualified (the target of a static method).</param>
    /// <param name="methodName">The workflow method, escaped.</param>
    /// <param name="inputType">TInput.</param>
    /// <param name="outputType">TOutput.</param>
    /// <param name="returnsValueTask">True when the method returns a <c>ValueTask&lt;TOutput&gt;</c>, which the handle takes as it is.</param>
    /// <param name="runtimeName">The workflow's name in events and the catalog.</param>
    /// <param name="acceptsNullInput">False when the input is a non-nullable reference type.</param>
    /// <param name="propertyName">The handle property, <c>{W}Workflow</c>.</param>
    /// <param name="fieldName">The field behind it, <c>_{w}Workflow</c>.</param>
    /// <param name="diagramName">The diagram constant the handle carries, or null when it has none.</param>
    public static void Write(
        SourceWriter writer,
        string accessibility,
        bool isStatic,
        string containingType,
        string methodName,
        string inputType,
        string outputType,
        bool returnsValueTask,
        string runtimeName,
        bool acceptsNullInput,
        string propertyName,
        string fieldName,
        string? diagramName)
    {
        var handleType = "global::Flux.WorkflowHandle<" + inputType + ", " + outputType + ">";
        var invocation = (isStatic ? containingType : "this") + "." + methodName + "(context)";
        var body = returnsValueTask ? invocation : "new " + KnownTypes.ValueTask + "<" + outputType + ">(" + invocation + ")";
        var acceptsNull = "acceptsNullInput: " + (acceptsNullInput ? "true" : "false");

        writer.WriteLine(GeneratedCode.Attribute);
        // Made on first use, so that a static initializer of the class can use it whatever the order of the fields.
        writer.WriteLine(accessibility + (isStatic ? " static " : " ") + handleType + " " + propertyName + " => " + fieldName + " ??= new(");
        writer.Indent();
        writer.WriteLine(GeneratedCode.Literal(runtimeName) + ",");
        writer.WriteLine((isStatic ? "static " : string.Empty) + "context => " + body + ",");
        if (diagramName is null)
        {
            writer.WriteLine(acceptsNull + ");");
        }
        else
        {
            writer.WriteLine(acceptsNull + ",");
            writer.WriteLine("diagram: " + diagramName + ");");
        }

        writer.Unindent();

        writer.WriteLine();
        writer.WriteLine("private " + (isStatic ? "static " : string.Empty) + handleType + "? " + fieldName + ";");
    }
}
