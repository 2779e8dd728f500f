using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Flux.Graphs.Declarative;
using Flux.Graphs.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX001-FLUX011 on declarative graphs: a <c>[Workflow]</c> partial method declaration whose <c>[Node]</c>,
/// <c>[Edge]</c>, <c>[StartWith]</c> and <c>[EndWith]</c> attributes declare a graph. The graph is always known at
/// compile time, so every rule is checked, with the same rules as the runtime (<see cref="GraphRules"/>) and the same
/// reader as the generator (<see cref="DeclarativeGraphReader"/>), and reported on the attribute or argument at fault.
/// </summary>
/// <remarks>
/// Besides the graph rules it reports what only the declarative form can get wrong: a <c>[Node]</c> that names a method
/// that is not a <c>[Task]</c> (FLUX003), a <c>When</c> that names a missing or ill-typed method or a <c>Case</c> that does
/// not fit it (FLUX009), a start or end node whose type does not fit the workflow's signature (FLUX008), and an enum
/// router that leaves a case without an edge (FLUX011, exhaustive routing).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarativeGraphAnalyzer : FluxAnalyzer
{
    /// <summary>FLUX003, declarative form: a node names a method that is not a task.</summary>
    internal static readonly DiagnosticDescriptor NodeIsNotATask = Variant(
        DiagnosticDescriptors.GraphUnknownNode,
        "Graph node does not run a task",
        DeclarativeGraphReader.NodeTaskMessageFormat,
        "A node of a declarative graph runs the [Task] method its attribute names (with nameof), in the workflow's class or in DeclaredIn.");

    /// <summary>FLUX009, declarative form: a condition or router that is missing or does not fit.</summary>
    internal static readonly DiagnosticDescriptor InvalidCondition = Variant(
        DiagnosticDescriptors.GraphConditionTypeMismatch,
        "Graph edge condition is missing or does not fit",
        DeclarativeGraphReader.ConditionMessageFormat,
        "When names a method of the workflow's class that takes the upstream node's output and returns bool, or an enum together with Case.");

    /// <summary>FLUX008, declarative form: a start node does not take the workflow's input.</summary>
    internal static readonly DiagnosticDescriptor StartTypeMismatch = Variant(
        DiagnosticDescriptors.GraphEdgeTypeMismatch,
        "Graph start node does not take the workflow's input",
        DeclarativeGraphReader.StartTypeMessageFormat,
        "A start node receives the workflow's input as its first argument.");

    /// <summary>FLUX008, declarative form: an end node's result does not fit the workflow's output.</summary>
    internal static readonly DiagnosticDescriptor EndTypeMismatch = Variant(
        DiagnosticDescriptors.GraphEdgeTypeMismatch,
        "Graph end node does not produce the workflow's output",
        DeclarativeGraphReader.EndTypeMessageFormat,
        "The workflow returns the output of the end node that ran.");

    /// <summary>
    /// A rule's descriptor with a message for the declarative form: same id, category, severity and page. (Made from the
    /// rule's descriptor rather than from its id constant: the id belongs to the rule, this is another wording of it.)
    /// </summary>
    private static DiagnosticDescriptor Variant(DiagnosticDescriptor rule, string title, string messageFormat, string description) =>
        new(rule.Id, title, messageFormat, rule.Category, rule.DefaultSeverity, rule.IsEnabledByDefault, description, rule.HelpLinkUri);

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> s_rules = new Dictionary<string, DiagnosticDescriptor>
    {
        [DiagnosticIds.GraphHasNoStart] = DiagnosticDescriptors.GraphHasNoStart,
        [DiagnosticIds.GraphHasNoEnd] = DiagnosticDescriptors.GraphHasNoEnd,
        [DiagnosticIds.GraphUnknownNode] = DiagnosticDescriptors.GraphUnknownNode,
        [DiagnosticIds.GraphDuplicateNode] = DiagnosticDescriptors.GraphDuplicateNode,
        [DiagnosticIds.GraphCycle] = DiagnosticDescriptors.GraphCycle,
        [DiagnosticIds.GraphUnreachableNode] = DiagnosticDescriptors.GraphUnreachableNode,
        [DiagnosticIds.GraphDeadEnd] = DiagnosticDescriptors.GraphDeadEnd,
        [DiagnosticIds.GraphEdgeTypeMismatch] = DiagnosticDescriptors.GraphEdgeTypeMismatch,
        [DiagnosticIds.GraphConditionTypeMismatch] = DiagnosticDescriptors.GraphConditionTypeMismatch,
        [DiagnosticIds.GraphJoinMismatch] = DiagnosticDescriptors.GraphJoinMismatch,
    }.ToImmutableDictionary();

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = s_rules.Values
        .Concat(new[] { DiagnosticDescriptors.GraphRouteNotExhaustive, NodeIsNotATask, InvalidCondition, StartTypeMismatch, EndTypeMismatch })
        .OrderBy(d => d.Id)
        .ToImmutableArray();

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known)
    {
        if (context.Compilation.GetTypeByMetadataName(DeclarativeGraphReader.NodeAttributeName) is null)
        {
            // A Flux.Runtime without declarative graphs.
            return;
        }

        context.RegisterSymbolAction(c => Analyze(c, known), SymbolKind.Method);
    }

    private static void Analyze(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!method.IsPartialDefinition
            || known.GetWorkflowAttribute(method) is not { } workflow
            || (method.PartialImplementationPart is { } implementation && !implementation.IsDeclaredInGeneratedCode(context.CancellationToken)))
        {
            return;
        }

        var graph = DeclarativeGraphReader.Read(method, FluxNames.EffectiveName(method, workflow), context.Compilation);
        var (input, output) = Signature(method);
        foreach (var problem in DeclarativeGraphReader.Validate(graph, context.Compilation, input, output))
        {
            var descriptor = problem.Target switch
            {
                DeclarativeTarget.Rule => s_rules[problem.Code],
                DeclarativeTarget.NodeTask => NodeIsNotATask,
                DeclarativeTarget.Start => StartTypeMismatch,
                DeclarativeTarget.End => EndTypeMismatch,
                _ when problem.Code == DiagnosticIds.GraphRouteNotExhaustive => DiagnosticDescriptors.GraphRouteNotExhaustive,
                _ => InvalidCondition,
            };
            context.ReportDiagnostic(Diagnostic.Create(descriptor, LocationOf(graph, problem, context.CancellationToken), problem.Arguments.ToArray<object>()));
        }
    }

    /// <summary>The workflow's input and output types, when its signature is one the generator implements (FLUX104 explains the others).</summary>
    private static (ITypeSymbol? Input, ITypeSymbol? Output) Signature(IMethodSymbol method)
    {
        if (method.Parameters.Length == 1
            && method.Parameters[0].Type is INamedTypeSymbol { Name: "ExecutionContext", Arity: 1 } context
            && method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", Arity: 1 } result)
        {
            return (context.TypeArguments[0], result.TypeArguments[0]);
        }

        return (null, null);
    }

    private static Location LocationOf(DeclarativeGraph graph, DeclarativeProblem problem, CancellationToken cancellationToken)
    {
        var fallback = graph.Method.GetNameLocation();
        Location Attribute(AttributeData attribute) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? fallback;

        Location Argument(AttributeData attribute, int position, string? name = null) =>
            FindArgument(attribute, position, name) ?? Attribute(attribute);

        Location? FindArgument(AttributeData attribute, int position, string? name)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } list })
            {
                return null;
            }

            var positional = 0;
            foreach (var argument in list.Arguments)
            {
                if (argument.NameEquals is { } named)
                {
                    if (name is not null && named.Name.Identifier.ValueText == name)
                    {
                        return argument.GetLocation();
                    }

                    continue;
                }

                if (name is null && positional++ == position)
                {
                    return argument.Expression.GetLocation();
                }
            }

            return null;
        }

        Location Condition(int edge)
        {
            var attribute = graph.Edges[edge].Attribute;
            return FindArgument(attribute, 0, "When") ?? Argument(attribute, 0, "Case");
        }

        switch (problem.Target)
        {
            case DeclarativeTarget.NodeTask:
                var node = graph.Nodes[problem.Index].Attribute;
                return Argument(node, node.ConstructorArguments.Length - 1);
            case DeclarativeTarget.Condition:
                return Condition(problem.Index);
            case DeclarativeTarget.Start:
                return Argument(graph.Starts[problem.Index].Attribute, 0);
            case DeclarativeTarget.End:
                return Argument(graph.Ends[problem.Index].Attribute, 0);
        }

        var violation = problem.Violation!;
        switch (violation.Target)
        {
            case GraphViolationTarget.Node: return Attribute(graph.Nodes[violation.Index].Attribute);
            case GraphViolationTarget.Edge: return Attribute(graph.Edges[violation.Index].Attribute);
            case GraphViolationTarget.EdgeFrom: return Argument(graph.Edges[violation.Index].Attribute, 0);
            case GraphViolationTarget.EdgeTo: return Argument(graph.Edges[violation.Index].Attribute, 1);
            case GraphViolationTarget.Condition: return Condition(violation.Index);
            case GraphViolationTarget.Start: return Argument(graph.Starts[violation.Index].Attribute, 0);
            case GraphViolationTarget.End: return Argument(graph.Ends[violation.Index].Attribute, 0);
            default: return fallback;
        }
    }
}
