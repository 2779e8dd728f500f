using System.Threading;
using Flux.Generators.Catalog;
using Flux.Generators.Symbols;
using Flux.Generators.Types;
using Flux.Generators.Workflows.FluentDiagrams;
using Flux.Shared.Declarations;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Declarations.Types;
using Flux.Shared.Declarations.Workflows;
using Flux.Shared.Naming;
using Microsoft.CodeAnalysis;

namespace Flux.Generators.Workflows;

/// <summary>
/// Turns a <c>[Workflow]</c> method into a <see cref="WorkflowModel"/>, or skips it. Whether it can be exposed is decided
/// by the shared readers: the class (FLUX101), the signature (FLUX104) and the generated names (FLUX103).
/// </summary>
internal static class WorkflowParser
{
    /// <param name="context">The attributed method.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <param name="declarative">
    /// True to accept only bodiless partial declarations (declarative graphs, which only need a catalog entry here: their
    /// body and handle come from the declarative graph generator), false to accept only methods with a body.
    /// </param>
    public static WorkflowModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken, bool declarative = false)
    {
        if (context.TargetSymbol is not IMethodSymbol method
            || context.Attributes.IsEmpty
            || (method.IsPartialDefinition && method.PartialImplementationPart is null) != declarative
            || ContainingTypeParser.Parse(method.ContainingType, cancellationToken) is not { } type
            || WorkflowSignatureReader.Read(method, declarative, problems: null) is not { } signature
            || FluxSymbols.IsUnstorable(signature.Output))
        {
            return null;
        }

        var names = GeneratedNames.ForWorkflow(method.Name);
        if (!GeneratedNameReader.WorkflowHandleIsFree(method.ContainingType, method.Name, cancellationToken))
        {
            return null;
        }

        var runtimeName = GeneratedNames.RuntimeName(method.Name, FluxSymbols.NamedString(context.Attributes[0], "Name"));
        var accessibility = TypeAccess.Narrowest(new[] { signature.Input, signature.Output });
        var propertyName = GeneratedNames.WorkflowProperty(method.Name);
        var reachable = type.IsReachableFromCatalog && accessibility != "private";
        var diagramFree = GeneratedNameReader.IsFree(method.ContainingType, GeneratedNames.Diagram(method.Name), cancellationToken);

        // A declarative graph always has its diagram when the name is free; a fluent one when its graph is known (WithDiagram).
        var description = reachable
            ? new WorkflowDescription(
                method.IsStatic,
                propertyName,
                TypeText.TypeOf(signature.Input),
                TypeText.TypeOf(signature.Output),
                declarative && diagramFree ? type.FullyQualifiedName + "." + GeneratedNames.Diagram(method.Name) : null)
            : null;
        var entry = new CatalogEntry(
            FluxKind.Workflow,
            type.FullyQualifiedName,
            runtimeName,
            new EquatableArray<string>(GeneratedNames.Names(names)),
            type.FullyQualifiedName + "." + propertyName,
            method.IsStatic && reachable,
            description);

        var graph = declarative || !diagramFree
            ? null
            : FluentDiagramReader.Read(context, method, cancellationToken);
        return new WorkflowModel(
            type,
            TypeText.Escape(method.Name),
            runtimeName,
            method.IsStatic,
            accessibility,
            TypeText.FullyQualified(signature.Input),
            TypeText.FullyQualified(signature.Output),
            signature.Body,
            !signature.RejectsNullInput,
            TypeText.MethodCref(method),
            entry,
            graph);
    }

    /// <summary>The workflow with the diagram of its graph, when the graph breaks no rule (a step of its own, cached while the graph is unchanged).</summary>
    public static WorkflowModel? WithDiagram(WorkflowModel? workflow)
    {
        if (workflow?.Graph is not { } graph || FluentDiagramWriter.Draw(graph) is not { } diagram)
        {
            return workflow;
        }

        var description = workflow.Entry.Workflow is { } described
            ? described with { Diagram = workflow.Type.FullyQualifiedName + "." + workflow.DiagramName }
            : null;
        return workflow with { Diagram = diagram, Entry = workflow.Entry with { Workflow = description } };
    }
}
