using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Flux.Generators.Graphs.Model;
using Flux.Generators.Helpers;
using Flux.Shared.Declarations.DeclarativeGraphs;
using Flux.Shared.Graphs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Generators.Graphs;

/// <summary>Turns a declarative graph's method and attributes into an equatable model, or skips it.</summary>
public sealed partial class DeclarativeGraphGenerator
{
    internal static class Parser
    {
        private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>Locals the body declares besides the nodes'.</summary>
        private static readonly string[] s_reservedLocals = { "cancellationToken", "endNodesRan" };

        /// <summary>
        /// The model of a declarative graph, or null when the method cannot be implemented: its class is not partial,
        /// its signature is not <c>(ExecutionContext&lt;TInput&gt;) -&gt; Task&lt;TOutput&gt;/ValueTask&lt;TOutput&gt;</c>, or its
        /// handle's name is taken (Flux.Analyzers explains each: FLUX101, FLUX104, FLUX103).
        /// </summary>
        public static DeclarativeGraphModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol method
                || context.TargetNode is not MethodDeclarationSyntax declaration
                || context.Attributes.IsEmpty
                || !method.IsPartialDefinition
                || method.PartialImplementationPart is not null
                || method.IsGenericMethod
                || method.Parameters.Length != 1
                || method.Parameters[0] is not { RefKind: RefKind.None, IsParams: false, Type: INamedTypeSymbol contextType }
                || !IsExecutionContext(contextType)
                || method.ReturnType is not INamedTypeSymbol { Arity: 1 } returnType
                || !IsTasksType(returnType)
                || HasErrorType(method.ReturnType)
                || HasErrorType(contextType))
            {
                return null;
            }

            if (FluxGenerator.Parser.TryGetContainingType(method.ContainingType, cancellationToken) is not { } type)
            {
                return null;
            }

            var baseName = FluxNaming.BaseName(method.Name);
            if (IsTaken(method.ContainingType, baseName + "Workflow") || IsTaken(method.ContainingType, baseName + "Diagram")
                || (!method.IsStatic && IsTaken(method.ContainingType, FluxNaming.FieldName(baseName + "Workflow"))))
            {
                return null;
            }

            var runtimeName = baseName;
            foreach (var argument in context.Attributes[0].NamedArguments)
            {
                if (argument.Key == "Name" && argument.Value.Value is string name && !string.IsNullOrWhiteSpace(name))
                {
                    runtimeName = name;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var compilation = context.SemanticModel.Compilation;
            var input = contextType.TypeArguments[0];
            var output = returnType.TypeArguments[0];
            var graph = DeclarativeGraphReader.Read(method, runtimeName, compilation, input, output, cancellationToken);
            var problems = graph.Problems;

            var nodes = new List<GraphNodeModel>();
            var edges = new List<GraphEdgeModel>();
            if (problems.Count == 0)
            {
                BuildPlan(graph, method, input, output, declaration.ParameterList.Parameters[0].Identifier.ValueText, nodes, edges);
            }

            var modifiers = string.Join(" ", declaration.Modifiers
                .Where(m => !m.IsKind(SyntaxKind.PartialKeyword))
                .Select(m => m.ValueText));

            return new DeclarativeGraphModel(
                type,
                type.HintName + "." + method.Name + ".g.cs",
                modifiers,
                FluxNaming.Escape(method.Name),
                method.ReturnType.ToDisplayString(s_typeFormat),
                returnType.Name == "ValueTask",
                contextType.ToDisplayString(s_typeFormat),
                FluxNaming.Escape(method.Parameters[0].Name),
                runtimeName,
                baseName,
                method.IsStatic,
                TypeAccess.Narrowest(new[] { input, output }),
                input.ToDisplayString(s_typeFormat),
                output.ToDisplayString(s_typeFormat),
                !(input.IsReferenceType && input.NullableAnnotation == NullableAnnotation.NotAnnotated),
                FluxNaming.Escape(method.Name) + "(" + CrefType(contextType) + ")",
                GraphMermaid.Write(graph.Shape),
                new EquatableArray<GraphNodeModel>(nodes.ToArray()),
                new EquatableArray<GraphEdgeModel>(edges.ToArray()),
                new EquatableArray<string>(problems.Select(p => p.ToString()).ToArray()));
        }

        private static void BuildPlan(
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
            taken.UnionWith(s_reservedLocals);
            var starts = new HashSet<string>(graph.Starts.Select(s => s.Node), StringComparer.Ordinal);
            var ends = new HashSet<string>(graph.Ends.Select(s => s.Node), StringComparer.Ordinal);
            foreach (var node in graph.Nodes)
            {
                var task = node.Task!;
                index.Add(node.Name, nodes.Count);
                var handleName = FluxNaming.Escape(FluxNaming.BaseName(task.Name) + "Task");
                var handle = SymbolEqualityComparer.Default.Equals(task.ContainingType, method.ContainingType)
                    ? handleName
                    : task.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + handleName;
                var isStart = starts.Contains(node.Name);
                nodes.Add(new GraphNodeModel(
                    node.Name,
                    LocalName(node.Name, taken),
                    handle,
                    node.ResultType!.ToDisplayString(s_typeFormat),
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

                var condition = router.IsStatic ? FluxNaming.Escape(router.Name) : "this." + FluxNaming.Escape(router.Name);
                var forgivesCondition = ForgivesNull(upstream.ResultType!, router.Parameters[0].Type);
                edges.Add(edge.CaseMembers is { } members
                    ? new GraphEdgeModel(
                        from,
                        to,
                        RouterKind.EnumCase,
                        condition,
                        new EquatableArray<string>(members.Select(m => m.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + FluxNaming.Escape(m.Name))),
                        forgivesArgument,
                        forgivesCondition)
                    : new GraphEdgeModel(from, to, RouterKind.Condition, condition, EquatableArray<string>.Empty, forgivesArgument, forgivesCondition));
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

        /// <summary>True when the type already has a member (or is itself) named <paramref name="name"/>; generated members are not visible here.</summary>
        private static bool IsTaken(INamedTypeSymbol type, string name) =>
            type.Name == name
            || type.TypeParameters.Any(p => p.Name == name)
            || type.GetMembers(name).Any(member => !member.IsImplicitlyDeclared);

        private static bool IsTasksType(INamedTypeSymbol type) =>
            type.Name is "Task" or "ValueTask"
            && type.ContainingType is null
            && type.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        private static bool IsExecutionContext(INamedTypeSymbol type) =>
            type is { Name: KnownNames.ExecutionContext, Arity: 1, ContainingType: null }
            && type.ContainingNamespace is { Name: KnownNames.FluxNamespace, ContainingNamespace.IsGlobalNamespace: true };

        private static bool HasErrorType(ITypeSymbol type) => type switch
        {
            { TypeKind: TypeKind.Error } => true,
            IArrayTypeSymbol array => HasErrorType(array.ElementType),
            INamedTypeSymbol named => named.TypeArguments.Any(HasErrorType),
            _ => false,
        };

        private static string CrefType(INamedTypeSymbol contextType) =>
            "global::Flux.ExecutionContext{" + contextType.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.None)
                .ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace('<', '{').Replace('>', '}') + "}";
    }
}
