using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Generators;

/// <summary>
/// Generates, for every <c>[Task]</c> method <c>M</c>, a typed handle <c>MTask</c>; for every <c>[Workflow]</c> method
/// <c>W</c>, a <c>WWorkflow</c> handle; and per assembly a <c>FluxCatalog</c> of them by name.
/// </summary>
/// <remarks>
/// Phases: <see cref="Parser"/> turns symbols into equatable models, <see cref="Grouping"/> makes one model per file,
/// <see cref="Emitter"/> writes text. Invalid targets are skipped here and explained by Flux.Analyzers.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class FluxGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var tasks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.TaskAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, cancellationToken) => Parser.ParseTask(context, cancellationToken))
            .WithTrackingName(TrackingNames.TaskMethods)
            .Where(static task => task is not null)
            .WithTrackingName(TrackingNames.ValidTasks)
            .Select(static (task, _) => task!)
            .WithTrackingName(TrackingNames.Tasks);

        var workflows = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.WorkflowAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, cancellationToken) => Parser.ParseWorkflow(context, cancellationToken))
            .WithTrackingName(TrackingNames.WorkflowMethods)
            .Where(static workflow => workflow is not null)
            .WithTrackingName(TrackingNames.ValidWorkflows)
            .Select(static (workflow, _) => workflow!)
            .WithTrackingName(TrackingNames.Workflows);

        // Declarative graphs (bodiless partial [Workflow] methods) get their body and handle from DeclarativeGraphGenerator;
        // this pipeline only lists them in the catalog.
        var declarativeEntries = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.WorkflowAttribute,
                static (node, _) => node is MethodDeclarationSyntax { Body: null, ExpressionBody: null },
                static (context, cancellationToken) => Parser.ParseWorkflow(context, cancellationToken, declarative: true))
            .WithTrackingName(TrackingNames.DeclarativeWorkflowMethods)
            .Where(static workflow => workflow is not null)
            .Select(static (workflow, _) => workflow!.Entry)
            .WithTrackingName(TrackingNames.DeclarativeWorkflowEntries)
            .Collect()
            .WithTrackingName(TrackingNames.AllDeclarativeWorkflowEntries);

        // One file per containing type. Grouping needs every method (names must be unique per type and per
        // assembly), but each file's model is compared by value, so an unchanged type is not emitted again.
        var types = tasks.Collect()
            .WithTrackingName(TrackingNames.AllTasks)
            .Combine(workflows.Collect().WithTrackingName(TrackingNames.AllWorkflows))
            .WithTrackingName(TrackingNames.AllMethods)
            .SelectMany(static (methods, cancellationToken) => Grouping.GroupByType(methods.Left, methods.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Types);

        context.RegisterSourceOutput(types, static (output, type) =>
            output.AddSource(type.HintName, Emitter.EmitType(type, output.CancellationToken)));

        // The catalog depends only on the small name records, so editing a method body or a parameter leaves it cached.
        var taskEntries = tasks
            .Select(static (task, _) => task.Entry)
            .WithTrackingName(TrackingNames.TaskEntries)
            .Collect()
            .WithTrackingName(TrackingNames.AllTaskEntries);

        var workflowEntries = workflows
            .Select(static (workflow, _) => workflow.Entry)
            .WithTrackingName(TrackingNames.WorkflowEntries)
            .Collect()
            .WithTrackingName(TrackingNames.AllWorkflowEntries);

        var assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty)
            .WithTrackingName(TrackingNames.AssemblyName);

        var catalog = taskEntries
            .Combine(workflowEntries)
            .WithTrackingName(TrackingNames.CatalogEntries)
            .Combine(declarativeEntries)
            .WithTrackingName(TrackingNames.CatalogWithDeclarativeEntries)
            .Combine(assemblyName)
            .WithTrackingName(TrackingNames.CatalogInput)
            .Select(static (input, _) => Grouping.BuildCatalog(
                input.Left.Left.Left, input.Left.Left.Right.AddRange(input.Left.Right), input.Right))
            .WithTrackingName(TrackingNames.Catalog);

        context.RegisterSourceOutput(catalog, static (output, catalog) =>
        {
            if (catalog is not null)
            {
                output.AddSource(Grouping.CatalogHintName, Emitter.EmitCatalog(catalog));
            }
        });
    }
}
