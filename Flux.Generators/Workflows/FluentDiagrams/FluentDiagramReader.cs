using System.Collections.Generic;
using System.Threading;
using Flux.Shared.Graphs;
using Flux.Shared.Graphs.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Generators.Workflows.FluentDiagrams;

/// <summary>
/// The Mermaid text of the one fluent graph a workflow's body builds as a single chain
/// (<c>new Graph("...").AddNode(...)....RunAsync(...)</c>, or <c>.Build()</c>, <c>.ToMermaid()</c>), when every name in it
/// is a compile-time constant and it breaks no structural rule; null otherwise. The chain is read from syntax and
/// constants, not from the analyzer's operations: the task handles the chain names are generated, so they do not
/// bind in the compilation a generator sees. Only the workflow's own body is read, so an edit elsewhere leaves the
/// model, and the generated file, unchanged.
/// </summary>
/// <remarks>
/// This runs inside the <c>ForAttributeWithMetadataName</c> transform, which Roslyn runs again for every workflow
/// whenever the compilation changes (every keystroke), so it must not bind the body: asking the semantic model about
/// a node inside a body binds the whole body and runs its nullable analysis. <see cref="BodyConstants"/> reads
/// literals and <c>nameof</c> from syntax and binds type and constant names speculatively at the method's name,
/// outside the body, which costs a lookup; only what it cannot decide that way falls back to the semantic model.
/// </remarks>
internal static class FluentDiagramReader
{
    public static string? Read(GeneratorAttributeSyntaxContext context, IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (context.TargetNode is not MethodDeclarationSyntax declaration
            || ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is not { } body)
        {
            return null;
        }

        BodyConstants? constants = null;
        string? diagram = null;
        foreach (var node in body.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node is not ObjectCreationExpressionSyntax creation)
            {
                continue;
            }

            constants ??= BodyConstants.Create(context.SemanticModel, declaration, body, method, cancellationToken);
            if (constants is null)
            {
                return null; // No Flux.Graph in this compilation.
            }

            if (!constants.IsGraph(creation))
            {
                continue;
            }

            if (diagram is not null || ReadChain(constants, creation) is not { } shape
                || GraphValidation.Validate(shape, static (_, _) => true, static t => t.Name).Count > 0)
            {
                // Several graphs, or one that is not known at compile time or is invalid: no single diagram to show.
                return null;
            }

            diagram = GraphMermaid.Write(shape);
        }

        return diagram;
    }

    private static GraphShape<ITypeSymbol>? ReadChain(BodyConstants constants, ObjectCreationExpressionSyntax creation)
    {
        string? Constant(ExpressionSyntax? expression) => expression is null ? null : constants.StringValue(expression);

        ExpressionSyntax? Argument(InvocationExpressionSyntax call, int position, string name)
        {
            var arguments = call.ArgumentList.Arguments;
            foreach (var argument in arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression;
                }
            }

            return position < arguments.Count && arguments[position].NameColon is null ? arguments[position].Expression : null;
        }

        if (creation.ArgumentList is not { Arguments.Count: 1 } || Constant(creation.ArgumentList.Arguments[0].Expression) is not { } name)
        {
            return null;
        }

        var nodes = new List<GraphNodeShape<ITypeSymbol>>();
        var edges = new List<GraphEdgeShape<ITypeSymbol>>();
        var starts = new List<string>();
        var ends = new List<string>();
        SyntaxNode current = creation;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax call)
        {
            switch (access.Name.Identifier.ValueText)
            {
                case "AddNode" when Constant(Argument(call, 0, "name")) is { } node:
                    nodes.Add(new GraphNodeShape<ITypeSymbol>(node, null, null));
                    break;
                case "AddEdge" when Constant(Argument(call, 0, "from")) is { } from && Constant(Argument(call, 1, "to")) is { } to:
                    var when = Argument(call, 2, "when");
                    var description = Argument(call, 3, "description") is { } given ? Constant(given) : null;
                    edges.Add(new GraphEdgeShape<ITypeSymbol>(from, to, when is not null, null, description ?? when?.ToString()));
                    break;
                case "StartWith" when Constant(Argument(call, 0, "node")) is { } start:
                    starts.Add(start);
                    break;
                case "EndWith" when Constant(Argument(call, 0, "node")) is { } end:
                    ends.Add(end);
                    break;
                case "RunAsync":
                case "Build":
                case "ToMermaid":
                    return new GraphShape<ITypeSymbol>(name, nodes, edges, starts, ends);
                default:
                    return null;
            }

            current = call;
        }

        // The chain does not end in a run or a build here (built statement by statement, or passed on): not read.
        return null;
    }
}
