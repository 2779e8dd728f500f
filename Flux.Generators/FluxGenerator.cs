using System.Linq;
using Flux.Generators.Catalog;
using Flux.Generators.Tasks;
using Flux.Generators.Types;
using Flux.Generators.Symbols;
using Flux.Generators.Workflows;
using Flux.Shared.Declarations.Json;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Generators;

/// <summary>
/// Generates, for every <c>[Task]</c> method <c>M</c>, a typed handle <c>MTask</c>; for every <c>[Workflow]</c> method
/// <c>W</c>, a <c>WWorkflow</c> handle; and per assembly a <c>FluxCatalog</c> of them by name.
/// </summary>
/// <remarks>
/// The parts: <see cref="TaskParser"/> and <see cref="WorkflowParser"/> turn symbols into equatable models (what can be
/// wrapped is decided by the shared readers of Flux.Shared/Declarations, which the analyzers report from),
/// <see cref="TypeGrouping"/> makes one model per file, <see cref="TypeEmitter"/> and <see cref="CatalogEmitter"/> write
/// text. Declarative graphs have their own generator (DeclarativeGraphs/).
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class FluxGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Few steps per method: Roslyn runs every transform below a ForAttributeWithMetadataName again for each of the
        // (possibly thousands of) methods at every keystroke, so nulls are skipped where the methods are collected.
        var tasks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                FluxSymbols.TaskAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, cancellationToken) => TaskParser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.TaskMethods)
            .Collect()
            .WithTrackingName(TrackingNames.AllTasks);

        // A workflow's diagram is drawn in a step of its own: it runs only when the graph the workflow runs changes.
        var workflows = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                FluxSymbols.WorkflowAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, cancellationToken) => WorkflowParser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.WorkflowMethods)
            .Select(static (workflow, _) => WorkflowParser.WithDiagram(workflow))
            .WithTrackingName(TrackingNames.Workflows)
            .Collect()
            .WithTrackingName(TrackingNames.AllWorkflows);

        // Declarative graphs (bodiless partial [Workflow] methods) get their body and handle from DeclarativeGraphGenerator;
        // this pipeline only lists them in the catalog.
        var declarativeEntries = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                FluxSymbols.WorkflowAttribute,
                static (node, _) => node is MethodDeclarationSyntax { Body: null, ExpressionBody: null },
                static (context, cancellationToken) => WorkflowParser.Parse(context, cancellationToken, declarative: true)?.Entry)
            .WithTrackingName(TrackingNames.DeclarativeWorkflowMethods)
            .Collect()
            .WithTrackingName(TrackingNames.AllDeclarativeWorkflowEntries);

        // One file per containing type. Grouping needs every method (names must be unique per type), but each file's
        // model is compared by value, so an unchanged type is not emitted again.
        var types = tasks
            .Combine(workflows)
            .WithTrackingName(TrackingNames.AllMethods)
            .SelectMany(static (methods, cancellationToken) => TypeGrouping.Group(methods.Left, methods.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Types);

        context.RegisterSourceOutput(types, static (output, type) =>
            output.AddSource(type.HintName, TypeEmitter.Emit(type, output.CancellationToken)));

        // The catalog depends only on the small name records, so editing a method body or a parameter leaves it cached.
        var taskEntries = tasks
            .Select(static (tasks, _) => CatalogBuilder.Entries(tasks, static task => task?.Entry))
            .WithTrackingName(TrackingNames.AllTaskEntries);

        var workflowEntries = workflows
            .Select(static (workflows, _) => CatalogBuilder.Entries(workflows, static workflow => workflow?.Entry))
            .WithTrackingName(TrackingNames.AllWorkflowEntries);

        var assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty)
            .WithTrackingName(TrackingNames.AssemblyName);

        // The [assembly: FluxJsonContext(typeof(...))] context, which the catalog's descriptors hand to a client.
        var jsonContext = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => JsonContextReader.Read(compilation, cancellationToken)?.Context is { } type
                ? TypeText.Qualified(type)
                : null)
            .WithTrackingName(TrackingNames.JsonContext);

        var catalog = taskEntries
            .Combine(workflowEntries)
            .WithTrackingName(TrackingNames.CatalogEntries)
            .Combine(declarativeEntries)
            .WithTrackingName(TrackingNames.CatalogWithDeclarativeEntries)
            .Combine(assemblyName.Combine(jsonContext))
            .WithTrackingName(TrackingNames.CatalogInput)
            .Select(static (input, _) => CatalogBuilder.Build(
                input.Left.Left.Left,
                input.Left.Left.Right.Concat(CatalogBuilder.Entries(input.Left.Right, static entry => entry)),
                input.Right.Left,
                input.Right.Right))
            .WithTrackingName(TrackingNames.Catalog);

        context.RegisterSourceOutput(catalog, static (output, catalog) =>
        {
            if (catalog is not null)
            {
                output.AddSource(GeneratedNames.CatalogHintName, CatalogEmitter.Emit(catalog));
            }
        });
    }
}
