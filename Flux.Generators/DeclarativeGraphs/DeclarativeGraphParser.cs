using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Flux.Generators.DeclarativeGraphs.Model;
using Flux.Generators.Symbols;
using Flux.Generators.Types;
using Flux.Shared.Declarations;
using Flux.Shared.Declarations.DeclarativeGraphs;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Declarations.Types;
using Flux.Shared.Declarations.Workflows;
using Flux.Shared.Graphs;
using Flux.Shared.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Generators.DeclarativeGraphs;

/// <summary>
/// Turns a declarative graph's method and attributes into an equatable <see cref="DeclarativeGraphModel"/>, with the
/// shared reader the analyzer reports from (<see cref="DeclarativeGraphReader"/>), or skips it.
/// </summary>
internal static class DeclarativeGraphParser
{
    /// <summary>The local that holds the body's <c>DeclaredGraphRun</c>: <c>graph</c>, unless the workflow's parameter has that name.</summary>
    public static string RunLocal(string parameterName) => parameterName.TrimStart('@') == "graph" ? "graphRun" : "graph";

    /// <summary>
    /// The model of a declarative graph, or null when the method cannot be implemented: its class is not partial
    /// (FLUX101) or its signature is not <c>(ExecutionContext&lt;TInput&gt;) -&gt; Task&lt;TOutput&gt;/ValueTask&lt;TOutput&gt;</c>
    /// (FLUX104). A handle or diagram whose name is taken (FLUX103) is left out, never the body the declaration needs.
    /// </summary>
    public static DeclarativeGraphModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method
            || context.TargetNode is not MethodDeclarationSyntax declaration
            || context.Attributes.IsEmpty
            || !method.IsPartialDefinition
            || method.PartialImplementationPart is not null
            || WorkflowSignatureReader.Read(method, declarative: true, problems: null) is not { } signature
            || ContainingTypeParser.Parse(method.ContainingType, cancellationToken) is not { } type)
        {
            return null;
        }

        var hasHandle = GeneratedNameReader.WorkflowHandleIsFree(method.ContainingType, method.Name, cancellationToken);
        var hasDiagram = GeneratedNameReader.IsFree(method.ContainingType, GeneratedNames.Diagram(method.Name), cancellationToken);
        var runtimeName = GeneratedNames.RuntimeName(method.Name, FluxSymbols.NamedString(context.Attributes[0], "Name"));

        cancellationToken.ThrowIfCancellationRequested();
        var input = signature.Input;
        var output = signature.Output;
        var graph = DeclarativeGraphReader.Read(method, runtimeName, context.SemanticModel.Compilation, input, output, cancellationToken);
        var parameterName = TypeText.Escape(method.Parameters[0].Name);

        var nodes = new List<GraphNodeModel>();
        var edges = new List<GraphEdgeModel>();
        BodyPlan? plan = null;
        if (graph.IsValid)
        {
            ReadNodesAndEdges(graph, method, input, output, declaration.ParameterList.Parameters[0].Identifier.ValueText, nodes, edges);
            plan = DeclarativeBodyPlanner.Plan(
                new EquatableArray<GraphNodeModel>(nodes.ToArray()), new EquatableArray<GraphEdgeModel>(edges.ToArray()), parameterName, new[] { RunLocal(parameterName) });
        }

        var modifiers = string.Join(" ", declaration.Modifiers
            .Where(m => !m.IsKind(SyntaxKind.PartialKeyword))
            .Select(m => m.ValueText));

        return new DeclarativeGraphModel(
            type,
            type.HintName + "." + method.Name + ".g.cs",
            modifiers,
            TypeText.Escape(method.Name),
            TypeText.FullyQualified(method.ReturnType),
            signature.Body == Flux.Shared.Declarations.BodyKind.ValueTaskOfT,
            TypeText.FullyQualified(signature.Context),
            parameterName,
            runtimeName,
            method.Name,
            method.IsStatic,
            TypeAccess.Narrowest(new[] { input, output }),
            TypeText.FullyQualified(input),
            TypeText.FullyQualified(output),
            !signature.RejectsNullInput,
            TypeText.Escape(method.Name) + "(" + CrefType(signature.Context) + ")",
            GraphMermaid.Write(graph.Shape),
            hasHandle,
            hasDiagram,
            new EquatableArray<GraphNodeModel>(nodes.ToArray()),
            new EquatableArray<GraphEdgeModel>(edges.ToArray()),
            plan,
            new EquatableArray<GraphProblemModel>(graph.Problems.Select(p => new GraphProblemModel(p.Code, p.Message)).ToArray()));
    }

    private static void ReadNodesAndEdges(
        DeclarativeGraph graph,
        IMethodSymbol method,
        ITypeSymbol input,
        ITypeSymbol output,
        string parameterName,
        List<GraphNodeModel> nodes,
        List<GraphEdgeModel> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal) { parameterName };
        taken.Add(RunLocal(parameterName));
        var starts = new HashSet<string>(graph.Starts.Select(s => s.Node), StringComparer.Ordinal);
        var ends = new HashSet<string>(graph.Ends.Select(s => s.Node), StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            var task = node.Task!;
            index.Add(node.Name, nodes.Count);
            var handleName = TypeText.Escape(GeneratedNames.TaskProperty(task.Name));
            var handle = SymbolEqualityComparer.Default.Equals(task.ContainingType, method.ContainingType)
                ? handleName
                : TypeText.Qualified(task.ContainingType) + "." + handleName;
            var isStart = starts.Contains(node.Name);
            nodes.Add(new GraphNodeModel(
                node.Name,
                LocalName(node.Name, taken),
                handle,
                TypeText.FullyQualified(node.ResultType!),
                isStart,
                ends.Contains(node.Name),
                isStart && ForgivesNull(input, node.ParameterTypes![0]),
                ends.Contains(node.Name) && ForgivesNull(node.ResultType!, output)));
        }

        foreach (var edge in graph.Edges)
        {
            var from = index[edge.From];
            var to = index[edge.To];
            var upstream = graph.Nodes[from];
            var downstream = graph.Nodes[to];

            // The argument's position among the downstream node's inputs: the graph input first for a start node, then one per incoming edge.
            var position = (nodes[to].IsStart ? 1 : 0) + edges.Count(e => e.To == to);
            var forgivesArgument = ForgivesNull(upstream.ResultType!, downstream.ParameterTypes![position]);
            if (edge.Router is not { } router)
            {
                edges.Add(new GraphEdgeModel(from, to, RouterKind.None, null, EquatableArray<string>.Empty, forgivesArgument, false));
                continue;
            }

            var condition = router.IsStatic ? TypeText.Escape(router.Name) : "this." + TypeText.Escape(router.Name);
            var forgivesCondition = ForgivesNull(upstream.ResultType!, router.Parameters[0].Type);
            edges.Add(edge.CaseMembers is { } members
                ? new GraphEdgeModel(
                    from,
                    to,
                    RouterKind.EnumCase,
                    condition,
                    new EquatableArray<string>(members.Select(m => TypeText.Qualified(m.ContainingType) + "." + TypeText.Escape(m.Name)).ToArray()),
                    forgivesArgument,
                    forgivesCondition,
                    router.Name)
                : new GraphEdgeModel(
                    from,
                    to,
                    RouterKind.Condition,
                    condition,
                    EquatableArray<string>.Empty,
                    forgivesArgument,
                    forgivesCondition,
                    router.Name,
                    DeclarativeRouters.IsAsyncCondition(router.ReturnType)));
        }
    }

    /// <summary>A value of <paramref name="from"/> may be null where <paramref name="to"/> is not: the generated code passes it with <c>!</c>, since the runtime (which cannot see annotations) would.</summary>
    private static bool ForgivesNull(ITypeSymbol from, ITypeSymbol to) =>
        from.IsReferenceType
        && from.NullableAnnotation == NullableAnnotation.Annotated
        && to.NullableAnnotation != NullableAnnotation.Annotated;

    /// <summary>A camel-case local for a node name (<c>get_name</c> becomes <c>getName</c>), unique with its <c>Call</c> and <c>Runs</c> companions.</summary>
    private static string LocalName(string nodeName, HashSet<string> taken)
    {
        var text = new StringBuilder();
        var upper = false;
        foreach (var c in nodeName)
        {
            if (!SyntaxFacts.IsIdentifierPartCharacter(c) || c == '_')
            {
                upper = text.Length > 0;
                continue;
            }

            text.Append(text.Length == 0 ? char.ToLowerInvariant(c) : upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (text.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(text[0]))
        {
            text.Insert(0, "node");
        }

        var stem = text.ToString();
        if (SyntaxFacts.GetKeywordKind(stem) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(stem) != SyntaxKind.None)
        {
            stem += "Node";
        }

        var candidate = stem;
        for (var n = 2; taken.Contains(candidate) || taken.Contains(candidate + "Call") || taken.Contains(candidate + "Runs"); n++)
        {
            candidate = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        taken.Add(candidate);
        taken.Add(candidate + "Call");
        taken.Add(candidate + "Runs");
        return candidate;
    }

    private static string CrefType(INamedTypeSymbol contextType) =>
        "global::Flux.ExecutionContext{" + contextType.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.None)
            .ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace('<', '{').Replace('>', '}') + "}";
}
