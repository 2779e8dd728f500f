using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Generators.Writing;

/// <summary>Writes a graph's Mermaid text as a documented <c>const string</c>, one literal per line of the diagram.</summary>
internal static class DiagramConstant
{
    /// <param name="writer">Where to write.</param>
    /// <param name="summary">The first lines of the XML summary, already escaped, ending with a colon before the chart.</param>
    /// <param name="generatedCode">The <c>[GeneratedCode]</c> attribute line.</param>
    /// <param name="accessibility">The constant's accessibility.</param>
    /// <param name="name">The constant's name.</param>
    /// <param name="diagram">The Mermaid text, lines ending in <c>\n</c>.</param>
    public static void Write(SourceWriter writer, string[] summary, string generatedCode, string accessibility, string name, string diagram)
    {
        var lines = diagram.Split('\n');
        var count = lines.Length > 0 && lines[lines.Length - 1].Length == 0 ? lines.Length - 1 : lines.Length;
        writer.WriteLine("/// <summary>");
        foreach (var line in summary)
        {
            writer.WriteLine("/// " + line);
        }

        writer.WriteLine("/// <code>");
        for (var i = 0; i < count; i++)
        {
            writer.WriteLine("/// " + GeneratedCode.Xml(lines[i]));
        }

        writer.WriteLine("/// </code>");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(generatedCode);
        writer.WriteLine(accessibility + " const string " + name + " =");
        writer.Indent();
        for (var i = 0; i < count; i++)
        {
            writer.WriteLine(SymbolDisplay.FormatLiteral(lines[i] + "\n", quote: true) + (i == count - 1 ? ";" : " +"));
        }

        writer.Unindent();
    }
}
