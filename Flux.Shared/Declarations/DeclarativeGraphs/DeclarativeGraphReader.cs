using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Diagnostics;
using Flux.Shared.Graphs.Validation;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.DeclarativeGraphs;

/// <summary>
/// Reads a declarative graph (<c>[Node]</c>, <c>[Edge]</c>, <c>[StartWith]</c>, <c>[EndWith]</c> on a <c>[Workflow]</c>
/// partial method) into a <see cref="DeclarativeGraph"/>: its shape, the symbols the generator calls, and every problem,
/// each located at the attribute at fault. The problems are the shared graph rules' violations, what only the declarative
/// form can get wrong (a node that names no task: FLUX003; a condition or router that is missing or does not fit:
/// FLUX009; an enum router that leaves a case without an edge: FLUX011, see <see cref="DeclarativeRouters"/>), and a
/// start or end node whose type does not fit the workflow's signature (FLUX008).
/// </summary>
internal static class DeclarativeGraphReader
{
    /// <summary>True when <paramref name="method"/> carries at least one of the graph attributes.</summary>
    public static bool HasGraphAttributes(IMethodSymbol method) =>
        method.GetAttributes().Any(a => IsGraphAttribute(a));

    /// <summary>Reads the graph declared on <paramref name="method"/>.</summary>
    /// <param name="method">The workflow method.</param>
    /// <param name="name">The graph's name: the workflow's name.</param>
    /// <param name="compilation">Where its types live.</param>
    /// <param name="input">The workflow's input type, when its signature is one the generator implements (else null).</param>
    /// <param name="output">The workflow's output type, likewise.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static DeclarativeGraph Read(
        IMethodSymbol method, string name, Compilation compilation, ITypeSymbol? input, ITypeSymbol? output, CancellationToken cancellationToken)
    {
        var graph = new DeclarativeGraph(method, name);
        var locations = new DeclarativeLocations(graph, cancellationToken);
        var problems = new List<DeclarationProblem>();
        var valueTuple = compilation.GetTypeByMetadataName("System.ValueTuple");
        var type = method.ContainingType;

        foreach (var attribute in method.GetAttributes())
        {
            if (FluxSymbols.IsAttribute(attribute, FluxSymbols.NodeAttribute))
            {
                ReadNode(graph, attribute, type, method, valueTuple, compilation, problems, locations);
            }
            else if (FluxSymbols.IsAttribute(attribute, FluxSymbols.EdgeAttribute))
            {
                ReadEdge(graph, attribute);
            }
            else if (FluxSymbols.IsAttribute(attribute, FluxSymbols.StartWithAttribute) && StringArgument(attribute, 0) is { } start)
            {
                graph.Starts.Add(new DeclaredEnd(start, attribute));
            }
            else if (FluxSymbols.IsAttribute(attribute, FluxSymbols.EndWithAttribute) && StringArgument(attribute, 0) is { } end)
            {
                graph.Ends.Add(new DeclaredEnd(end, attribute));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        DeclarativeRouters.Resolve(graph, type, method, problems, locations);
        DeclarativeRouters.CheckExhaustive(graph, problems, locations);
        graph.Freeze();

        // The shared rules first (in code order), then the declarative problems; then stable by code.
        var all = new List<DeclarationProblem>();
        foreach (var violation in GraphValidation.Validate(graph.Shape, (from, to) => TypeFit.Fits(compilation, from, to), TypeFit.Display))
        {
            all.Add(new DeclarationProblem(violation.Diagnostic, locations.Of(violation), violation.Arguments));
        }

        all.AddRange(problems);
        if (input is not null && output is not null)
        {
            CheckWorkflowTypes(graph, input, output, compilation, all, locations);
        }

        graph.Problems = all
            .Select((problem, index) => (problem, index))
            .OrderBy(p => p.problem.Code, StringComparer.Ordinal)
            .ThenBy(p => p.index)
            .Select(p => p.problem)
            .ToList();
        return graph;
    }

    /// <summary>
    /// What the runtime checks when a graph is run, known here from the workflow's signature: the workflow's input fits
    /// the first parameter of every start node, and every end node's result fits the workflow's output (FLUX008).
    /// </summary>
    private static void CheckWorkflowTypes(
        DeclarativeGraph graph, ITypeSymbol input, ITypeSymbol output, Compilation compilation, List<DeclarationProblem> problems, DeclarativeLocations locations)
    {
        DeclaredNode? Find(string name) => graph.Nodes.FirstOrDefault(n => n.Name == name);

        for (var s = 0; s < graph.Starts.Count; s++)
        {
            if (Find(graph.Starts[s].Node) is { ParameterTypes: { Count: > 0 } parameters } node && !TypeFit.Fits(compilation, input, parameters[0]))
            {
                problems.Add(new DeclarationProblem(
                    FluxDiagnostics.GraphStartTypeMismatch, locations.Start(s), new[] { graph.Name, node.Name, TypeFit.Display(parameters[0]), TypeFit.Display(input) }));
            }
        }

        for (var e = 0; e < graph.Ends.Count; e++)
        {
            if (Find(graph.Ends[e].Node) is { ResultType: { } result } node && !TypeFit.Fits(compilation, result, output))
            {
                problems.Add(new DeclarationProblem(
                    FluxDiagnostics.GraphEndTypeMismatch, locations.End(e), new[] { graph.Name, node.Name, TypeFit.Display(result), TypeFit.Display(output) }));
            }
        }
    }

    private static void ReadNode(
        DeclarativeGraph graph,
        AttributeData attribute,
        INamedTypeSymbol type,
        IMethodSymbol workflow,
        INamedTypeSymbol? valueTuple,
        Compilation compilation,
        List<DeclarationProblem> problems,
        DeclarativeLocations locations)
    {
        var first = StringArgument(attribute, 0);
        var second = attribute.ConstructorArguments.Length > 1 ? StringArgument(attribute, 1) : first;
        if (first is null || second is null)
        {
            // An argument that does not bind: the compiler reports it; keep the indexes aligned with the attributes.
            graph.Nodes.Add(new DeclaredNode(first ?? string.Empty, second ?? string.Empty, attribute, null, null, null, null));
            return;
        }

        var declaredIn = type;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "DeclaredIn" && argument.Value.Value is INamedTypeSymbol other)
            {
                declaredIn = other;
            }
        }

        var external = !SymbolEqualityComparer.Default.Equals(declaredIn, type);
        IMethodSymbol? task = null;
        foreach (var member in declaredIn.GetMembers(second))
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } candidate && FluxSymbols.FindAttribute(candidate, FluxSymbols.TaskAttribute) is not null)
            {
                task = candidate;
                break;
            }
        }

        string? problem = null;
        if (task is null)
        {
            problem = declaredIn.GetMembers(second).OfType<IMethodSymbol>().Any()
                ? "add [Task] to it, or name a [Task] method (use nameof)"
                : "name a [Task] method (use nameof), or set DeclaredIn = typeof(...) to the class that declares it";
        }
        else if (external && !task.IsStatic)
        {
            problem = "a task of another class must be static; make it static or declare the node in that class";
        }
        else if (workflow.IsStatic && !task.IsStatic)
        {
            problem = "a static workflow can only run static tasks; make the task or the workflow static";
        }
        else if (external && !compilation.IsSymbolAccessibleWithin(declaredIn, type))
        {
            problem = "its class is not accessible here; make it internal or public";
        }

        if (problem is not null)
        {
            graph.Nodes.Add(new DeclaredNode(first, second, attribute, null, declaredIn, null, null));
            problems.Add(new DeclarationProblem(
                FluxDiagnostics.GraphNodeIsNotATask,
                locations.NodeTask(graph.Nodes.Count - 1),
                new[] { graph.Name, first, second, TypeFit.Display(declaredIn), problem }));
            return;
        }

        var parameters = new List<ITypeSymbol>();
        foreach (var parameter in task!.Parameters)
        {
            if (!FluxSymbols.IsCancellationToken(parameter.Type))
            {
                parameters.Add(parameter.Type);
            }
        }

        var result = FluxSymbols.Classify(task).Result ?? valueTuple;
        graph.Nodes.Add(new DeclaredNode(first, second, attribute, task, declaredIn, parameters, result));
    }

    private static void ReadEdge(DeclarativeGraph graph, AttributeData attribute)
    {
        var from = StringArgument(attribute, 0) ?? string.Empty;
        var to = StringArgument(attribute, 1) ?? string.Empty;
        string? when = null;
        TypedConstant? @case = null;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "When" && argument.Value.Value is string name)
            {
                when = name;
            }
            else if (argument.Key == "Case" && !argument.Value.IsNull)
            {
                @case = argument.Value;
            }
        }

        graph.Edges.Add(new DeclaredEdge(from, to, attribute, when, @case));
    }

    private static bool IsGraphAttribute(AttributeData attribute) =>
        FluxSymbols.IsAttribute(attribute, FluxSymbols.NodeAttribute)
        || FluxSymbols.IsAttribute(attribute, FluxSymbols.EdgeAttribute)
        || FluxSymbols.IsAttribute(attribute, FluxSymbols.StartWithAttribute)
        || FluxSymbols.IsAttribute(attribute, FluxSymbols.EndWithAttribute);

    private static string? StringArgument(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;
}
