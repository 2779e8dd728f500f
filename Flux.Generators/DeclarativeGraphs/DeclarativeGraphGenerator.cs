using Flux.Shared.Declarations.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Generators.DeclarativeGraphs;

/// <summary>
/// Writes the body of every declarative graph: a <c>[Workflow]</c> <c>partial</c> method declaration without a body,
/// whose <c>[Node]</c>, <c>[Edge]</c>, <c>[StartWith]</c> and <c>[EndWith]</c> attributes declare the graph. The body
/// calls the typed task handles in dependency order, starts independent branches together, routes with plain
/// <c>if</c>s and <c>switch</c>es, and returns the output of the end node that ran; beside it come the
/// <c>{W}Workflow</c> handle and the <c>{W}Diagram</c> Mermaid constant.
/// </summary>
/// <remarks>
/// The parts: <see cref="DeclarativeGraphParser"/> reads the attributes with the reader the analyzer uses (which judges
/// them with the shared graph rules), <see cref="DeclarativeBodyPlanner"/> decides the body, and
/// <see cref="DeclarativeGraphEmitter"/> writes it. A graph that breaks a rule gets a body that throws the
/// <c>GraphValidationException</c> the runtime would, so that the build shows the analyzer's error and nothing else.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class DeclarativeGraphGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var graphs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                FluxSymbols.WorkflowAttribute,
                static (node, _) => node is MethodDeclarationSyntax { Body: null, ExpressionBody: null } method
                    && method.Modifiers.Any(SyntaxKind.PartialKeyword),
                static (context, cancellationToken) => DeclarativeGraphParser.Parse(context, cancellationToken))
            .WithTrackingName(DeclarativeGraphTrackingNames.DeclarativeGraphs)
            .Where(static graph => graph is not null)
            .Select(static (graph, _) => graph!)
            .WithTrackingName(DeclarativeGraphTrackingNames.ValidDeclarativeGraphs);

        context.RegisterSourceOutput(graphs, static (output, graph) =>
            output.AddSource(graph.HintName, DeclarativeGraphEmitter.Emit(graph, output.CancellationToken)));
    }
}
