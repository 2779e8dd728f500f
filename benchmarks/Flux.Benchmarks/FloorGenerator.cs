using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Benchmarks;

/// <summary>
/// Finds every <c>[Task]</c> and <c>[Workflow]</c> method as FluxGenerator does and keeps only their names (and, with
/// <c>signatures</c>, binds their signatures, as any generator that writes typed code must). When the compilation
/// changes, Roslyn runs a <c>ForAttributeWithMetadataName</c> transform again for every attributed method (only the
/// steps after it are cached), so this is what any generator of this shape pays per edit before doing its own work:
/// the floor the IDE benchmark compares Flux's generators with.
/// </summary>
internal sealed class FloorGenerator(bool signatures = false) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var bind = signatures;
        var tasks = context.SyntaxProvider.ForAttributeWithMetadataName(
                "Flux.TaskAttribute", static (node, _) => node is MethodDeclarationSyntax, (c, _) => Describe(c.TargetSymbol, bind))
            .Collect();
        var workflows = context.SyntaxProvider.ForAttributeWithMetadataName(
                "Flux.WorkflowAttribute", static (node, _) => node is MethodDeclarationSyntax, (c, _) => Describe(c.TargetSymbol, bind))
            .Collect();
        context.RegisterSourceOutput(tasks.Combine(workflows), static (output, names) =>
            output.AddSource("Names.g.cs", "// " + names.Left.Length + " tasks, " + names.Right.Length + " workflows"));
    }

    private static string Describe(ISymbol symbol, bool signatures) =>
        signatures && symbol is IMethodSymbol method
            ? symbol.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.Name)) + ")" + method.ReturnType.Name
            : symbol.Name;
}
