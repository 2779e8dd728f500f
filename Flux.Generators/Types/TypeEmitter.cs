using System.Threading;
using Flux.Generators.Tasks;
using Flux.Generators.Workflows;
using Flux.Generators.Writing;

namespace Flux.Generators.Types;

/// <summary>Writes one file per partial type: the type's declarations around the handles of its tasks and workflows.</summary>
internal static class TypeEmitter
{
    public static string Emit(TypeModel model, CancellationToken cancellationToken)
    {
        var writer = new SourceWriter();
        GeneratedCode.WriteHeader(writer, model.Type.Namespace);
        WriteDeclarations(writer, model.Type);

        var first = true;
        foreach (var task in model.Tasks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Separate(writer, ref first);
            TaskEmitter.Write(writer, task);
        }

        foreach (var workflow in model.Workflows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Separate(writer, ref first);
            WorkflowEmitter.Write(writer, workflow);
        }

        CloseDeclarations(writer, model.Type);
        return writer.ToString();
    }

    /// <summary>Opens <c>partial class Outer { partial class Inner {</c>, outermost first.</summary>
    public static void WriteDeclarations(SourceWriter writer, ContainingTypeModel type)
    {
        foreach (var declaration in type.Declarations)
        {
            writer.WriteLine((declaration.IsStatic ? "static " : string.Empty) + "partial " + declaration.Keyword + " " + declaration.Name);
            writer.OpenBlock();
        }
    }

    /// <summary>Closes what <see cref="WriteDeclarations"/> opened.</summary>
    public static void CloseDeclarations(SourceWriter writer, ContainingTypeModel type)
    {
        for (var i = 0; i < type.Declarations.Count; i++)
        {
            writer.CloseBlock();
        }
    }

    private static void Separate(SourceWriter writer, ref bool first)
    {
        if (!first)
        {
            writer.WriteLine();
        }

        first = false;
    }
}
