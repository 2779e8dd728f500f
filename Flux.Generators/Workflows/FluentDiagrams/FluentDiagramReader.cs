using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Flux.Shared.Declarations;
using Flux.Shared.Declarations.FluentGraphs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Generators.Workflows.FluentDiagrams;

/// <summary>
/// The one fluent graph a workflow runs, as a <see cref="GraphSketch"/>, when every name in it is a compile-time
/// constant; null otherwise (<see cref="FluentDiagramWriter"/> draws it, in a later step). The graph is read with the shared <see cref="FluentChainReader"/> (the one the
/// analyzer judges with) and is either built in the workflow's body (one chain, or a local built statement by statement,
/// then run, built or drawn there) or made by a helper of the workflow's class that the body runs: a method without
/// parameters that returns a graph, or a field or property initialized with one (<c>Shared.RunAsync(...)</c>,
/// <c>Build().RunAsync(...)</c>), possibly extended by the body before it runs it.
/// </summary>
/// <remarks>
/// This runs inside the <c>ForAttributeWithMetadataName</c> transform, which Roslyn runs again for every workflow
/// whenever the compilation changes (every keystroke), so it does not bind the body: <see cref="BodyConstants"/> answers
/// from syntax, from the containing types' members, or by binding speculatively outside the body.
/// </remarks>
internal static class FluentDiagramReader
{
    private static readonly string[] s_terminals = { "RunAsync", "Build", "ToMermaid" };

    public static GraphSketch? Read(GeneratorAttributeSyntaxContext context, IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (context.TargetNode is not MethodDeclarationSyntax declaration
            || ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is not { } body
            || BodyConstants.ForMethod(context.SemanticModel, declaration, body, method, cancellationToken) is not { } constants)
        {
            return null;
        }

        FluentChain? graph = null;
        var helperRuns = new List<InvocationExpressionSyntax>();
        foreach (var node in body.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case BaseObjectCreationExpressionSyntax creation when constants.IsGraph(creation):
                    if (graph is not null || FluentChainReader.Read(creation, constants, cancellationToken) is not { MayBeExtended: false } chain)
                    {
                        // Several graphs, one that is not known at compile time, or one this workflow does not run here.
                        return null;
                    }

                    graph = chain;
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation
                    when s_terminals.Contains(member.Name.Identifier.ValueText):
                    helperRuns.Add(invocation);
                    break;
            }
        }

        if (graph is null)
        {
            // No graph built here: the one run of a graph that a helper of the class makes.
            foreach (var run in helperRuns)
            {
                if (ReadHelperRun(context, method, run, constants, cancellationToken) is { } made)
                {
                    if (graph is not null)
                    {
                        return null;
                    }

                    graph = made;
                }
            }

            if (graph is null)
            {
                return null;
            }
        }

        var calls = new GraphCallSketch[graph.Calls.Count];
        for (var i = 0; i < calls.Length; i++)
        {
            var call = graph.Calls[i];
            calls[i] = new GraphCallSketch(call.Kind, call.Name, call.To, call.When is not null, call.Description);
        }

        return new GraphSketch(graph.Name, new EquatableArray<GraphCallSketch>(calls));
    }

    /// <summary>
    /// The graph that <paramref name="run"/> runs when it is made by a helper of the workflow's class:
    /// <c>Helper().X(...).RunAsync(...)</c>, <c>Shared.RunAsync(...)</c> or <c>this.Shared...</c>, with the builder
    /// calls the body adds before it runs it.
    /// </summary>
    private static FluentChain? ReadHelperRun(GeneratorAttributeSyntaxContext context, IMethodSymbol method, InvocationExpressionSyntax run, BodyConstants constants, CancellationToken cancellationToken)
    {
        var receiver = ((MemberAccessExpressionSyntax)run.Expression).Expression;
        while (receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } && inner.Name.Identifier.ValueText is "AddNode" or "AddEdge" or "StartWith" or "EndWith")
        {
            receiver = inner.Expression;
        }

        var name = receiver switch
        {
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax helper, ArgumentList.Arguments.Count: 0 } => helper.Identifier.ValueText,
            IdentifierNameSyntax member => member.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member } => member.Identifier.ValueText,
            _ => null,
        };
        var extra = new List<FluentCall>();
        if (name is null
            || FluentChainReader.Climb(receiver, constants, extra) is not { Terminal: { } terminal }
            || terminal != run
            || HelperGraph(context, method.ContainingType, name, receiver is InvocationExpressionSyntax, depth: 0, cancellationToken) is not { } made)
        {
            return null;
        }

        var graph = new FluentChain(made.Name, made.Creation) { Ending = FluentEnding.Completed, Terminal = run, Top = receiver };
        graph.Calls.AddRange(made.Calls);
        graph.Calls.AddRange(extra);
        return graph;
    }

    /// <summary>The graph the member <paramref name="name"/> of <paramref name="type"/> makes: a helper method's result, or a field's or property's value.</summary>
    private static FluentChain? HelperGraph(GeneratorAttributeSyntaxContext context, INamedTypeSymbol type, string name, bool invoked, int depth, CancellationToken cancellationToken)
    {
        var members = type.GetMembers(name);
        if (members.Length != 1 || depth > 1 || members[0].DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var member = members[0];
        var syntax = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var (position, code) = (invoked, member, syntax) switch
        {
            (true, IMethodSymbol { Parameters.Length: 0, IsGenericMethod: false }, MethodDeclarationSyntax method) =>
                (method.Identifier.SpanStart, (SyntaxNode?)method.Body ?? method.ExpressionBody),
            (false, IFieldSymbol, VariableDeclaratorSyntax { Initializer: { } initializer } field) => (field.Identifier.SpanStart, initializer),
            (false, IPropertySymbol, PropertyDeclarationSyntax property) =>
                (property.Identifier.SpanStart, (SyntaxNode?)property.Initializer ?? property.ExpressionBody),
            _ => (0, null),
        };
        if (code is null)
        {
            return null;
        }

        var model = ReferenceEquals(syntax.SyntaxTree, context.SemanticModel.SyntaxTree)
            ? context.SemanticModel
            : context.SemanticModel.Compilation.GetSemanticModel(syntax.SyntaxTree);
        if (BodyConstants.ForMember(model, position, code, member, cancellationToken) is not { } constants)
        {
            return null;
        }

        FluentChain? made = null;
        foreach (var node in code.DescendantNodesAndSelf())
        {
            if (node is BaseObjectCreationExpressionSyntax creation && constants.IsGraph(creation))
            {
                if (made is not null || FluentChainReader.Read(creation, constants, cancellationToken) is not { Ending: FluentEnding.Returned or FluentEnding.Stored } chain)
                {
                    return null;
                }

                made = chain;
            }
        }

        // A field or property initialized by a helper: `static readonly Graph Shared = Build();`.
        if (made is null
            && code is EqualsValueClauseSyntax { Value: InvocationExpressionSyntax { Expression: IdentifierNameSyntax helper, ArgumentList.Arguments.Count: 0 } })
        {
            return HelperGraph(context, type, helper.Identifier.ValueText, invoked: true, depth + 1, cancellationToken);
        }

        return made;
    }
}
