using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Flux.Graphs.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Graphs.Declarative;

// Compiled into Flux.Analyzers and, linked, into Flux.Generators: the analyzer reports what this reader finds and the
// generator refuses to wire what it finds, so the two cannot disagree about a declarative graph.

/// <summary>
/// Reads the attributes of a declarative graph (<c>[Node]</c>, <c>[Edge]</c>, <c>[StartWith]</c>, <c>[EndWith]</c> on a
/// <c>[Workflow]</c> partial method) into a <see cref="GraphShape{TType}"/> for the shared rules, with the symbols the
/// generator calls, and the problems only the declarative form can have: a node naming a method that is not a task
/// (FLUX003), a router that is missing or ill-typed (FLUX009), and an enum router that leaves a case without an edge (FLUX011).
/// </summary>
internal static class DeclarativeGraphReader
{
    public const string NodeAttributeName = "Flux.NodeAttribute";
    public const string EdgeAttributeName = "Flux.EdgeAttribute";
    public const string StartWithAttributeName = "Flux.StartWithAttribute";
    public const string EndWithAttributeName = "Flux.EndWithAttribute";
    public const string TaskAttributeName = "Flux.TaskAttribute";
    public const string WorkflowAttributeName = "Flux.WorkflowAttribute";

    public const string UnknownNodeCode = "FLUX003";
    public const string ConditionCode = "FLUX009";
    public const string RouteNotExhaustiveCode = "FLUX011";

    /// <summary>FLUX003, declarative form. Arguments: graph, node, method, class, the fix.</summary>
    public const string NodeTaskMessageFormat = "Graph '{0}': node '{1}' runs '{2}', which is not a [Task] method of '{3}': {4}";

    /// <summary>FLUX009, declarative form. Arguments: graph, upstream, downstream, what is wrong and the fix.</summary>
    public const string ConditionMessageFormat = "Graph '{0}': the condition on edge '{1}' -> '{2}' {3}";

    /// <summary>FLUX011. Arguments: graph, router, enum type, case, upstream node.</summary>
    public const string RouteNotExhaustiveMessageFormat =
        "Graph '{0}': router '{1}' returns {2}, but case '{3}' has no edge from '{4}': add [Edge(\"{4}\", \"...\", When = nameof({1}), Case = {2}.{3})]";

    /// <summary>FLUX008, declarative form, for a start node. Arguments: graph, node, parameter type, workflow input type.</summary>
    public const string StartTypeMessageFormat =
        "Graph '{0}': start node '{1}' takes '{2}' but the workflow's input is '{3}': make the workflow take ExecutionContext<{2}>, or start with a node that takes '{3}'";

    /// <summary>FLUX008, declarative form, for an end node. Arguments: graph, node, result type, workflow output type.</summary>
    public const string EndTypeMessageFormat =
        "Graph '{0}': end node '{1}' produces '{2}' but the workflow returns '{3}': make the workflow return '{2}', or end with a node that produces '{3}'";

    public const string EdgeTypeCode = "FLUX008";

    /// <summary>How types are named in messages: as the runtime names them (no nullable reference annotations).</summary>
    public static readonly SymbolDisplayFormat MessageTypeFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat
        .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>True when <paramref name="method"/> carries at least one of the graph attributes.</summary>
    public static bool HasGraphAttributes(IMethodSymbol method) =>
        method.GetAttributes().Any(a => IsGraphAttribute(a.AttributeClass));

    /// <summary>Reads the graph declared on <paramref name="method"/>; <paramref name="name"/> is the graph's (the workflow's) name.</summary>
    public static DeclarativeGraph Read(IMethodSymbol method, string name, Compilation compilation)
    {
        var graph = new DeclarativeGraph(method, name);
        var valueTuple = compilation.GetTypeByMetadataName("System.ValueTuple");
        var type = method.ContainingType;

        foreach (var attribute in method.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case NodeAttributeName:
                    ReadNode(graph, attribute, type, method, valueTuple, compilation);
                    break;
                case EdgeAttributeName:
                    ReadEdge(graph, attribute);
                    break;
                case StartWithAttributeName:
                    if (StringArgument(attribute, 0) is { } start)
                    {
                        graph.Starts.Add(new DeclaredEnd(start, attribute));
                    }

                    break;
                case EndWithAttributeName:
                    if (StringArgument(attribute, 0) is { } end)
                    {
                        graph.Ends.Add(new DeclaredEnd(end, attribute));
                    }

                    break;
            }
        }

        ResolveRouters(graph, type, method);
        CheckExhaustiveRouting(graph);
        graph.Freeze();
        return graph;
    }

    /// <summary>
    /// Whether a value of <paramref name="from"/> can be passed, as an object, where <paramref name="to"/> is expected:
    /// identity, reference, boxing and nullable conversions of the same type, as at run time.
    /// </summary>
    public static bool Fits(Compilation compilation, ITypeSymbol from, ITypeSymbol to)
    {
        if (compilation is not CSharpCompilation csharp)
        {
            return true;
        }

        var conversion = csharp.ClassifyConversion(from, to);
        if (!conversion.IsImplicit)
        {
            return false;
        }

        if (conversion.IsIdentity || conversion.IsReference || conversion.IsBoxing)
        {
            return true;
        }

        return conversion.IsNullable && SymbolEqualityComparer.Default.Equals(Underlying(from), Underlying(to));
    }

    /// <summary>
    /// The graph rules over the shape, plus the declarative problems, in code order; with the workflow's input and
    /// output types, also the checks of <see cref="CheckWorkflowTypes"/>.
    /// </summary>
    public static List<DeclarativeProblem> Validate(DeclarativeGraph graph, Compilation compilation, ITypeSymbol? input, ITypeSymbol? output)
    {
        var problems = new List<DeclarativeProblem>();
        foreach (var violation in GraphRules.Validate(graph.Shape, (from, to) => Fits(compilation, from, to), t => t.ToDisplayString(MessageTypeFormat)))
        {
            problems.Add(DeclarativeProblem.FromViolation(violation));
        }

        problems.AddRange(graph.Problems);
        if (input is not null && output is not null)
        {
            problems.AddRange(CheckWorkflowTypes(graph, input, output, compilation));
        }

        // Stable: the rules' order within a code, then the reader's.
        return problems
            .Select((problem, index) => (problem, index))
            .OrderBy(p => p.problem.Code, StringComparer.Ordinal)
            .ThenBy(p => p.index)
            .Select(p => p.problem)
            .ToList();
    }

    /// <summary>
    /// What the runtime checks when a graph is run, known here from the workflow's signature: the workflow's input fits
    /// the first parameter of every start node, and every end node's result fits the workflow's output (FLUX008).
    /// </summary>
    public static IEnumerable<DeclarativeProblem> CheckWorkflowTypes(DeclarativeGraph graph, ITypeSymbol input, ITypeSymbol output, Compilation compilation)
    {
        DeclaredNode? Find(string name) => graph.Nodes.FirstOrDefault(n => n.Name == name);
        string Display(ITypeSymbol type) => type.ToDisplayString(MessageTypeFormat);

        for (var s = 0; s < graph.Starts.Count; s++)
        {
            if (Find(graph.Starts[s].Node) is { ParameterTypes: { Count: > 0 } parameters } node && !Fits(compilation, input, parameters[0]))
            {
                yield return new DeclarativeProblem(EdgeTypeCode, new[] { graph.Name, node.Name, Display(parameters[0]), Display(input) }, DeclarativeTarget.Start, s);
            }
        }

        for (var e = 0; e < graph.Ends.Count; e++)
        {
            if (Find(graph.Ends[e].Node) is { ResultType: { } result } node && !Fits(compilation, result, output))
            {
                yield return new DeclarativeProblem(EdgeTypeCode, new[] { graph.Name, node.Name, Display(result), Display(output) }, DeclarativeTarget.End, e);
            }
        }
    }

    private static void ReadNode(DeclarativeGraph graph, AttributeData attribute, INamedTypeSymbol type, IMethodSymbol workflow, INamedTypeSymbol? valueTuple, Compilation compilation)
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
            if (member is IMethodSymbol candidate && candidate.MethodKind == MethodKind.Ordinary && HasAttribute(candidate, TaskAttributeName))
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
            graph.Problems.Add(new DeclarativeProblem(
                UnknownNodeCode,
                new[] { graph.Name, first, second, declaredIn.ToDisplayString(MessageTypeFormat), problem },
                DeclarativeTarget.NodeTask,
                graph.Nodes.Count));
            graph.Nodes.Add(new DeclaredNode(first, second, attribute, null, declaredIn, null, null));
            return;
        }

        var parameters = new List<ITypeSymbol>();
        foreach (var parameter in task!.Parameters)
        {
            if (!IsCancellationToken(parameter.Type))
            {
                parameters.Add(parameter.Type);
            }
        }

        graph.Nodes.Add(new DeclaredNode(first, second, attribute, task, declaredIn, parameters, ResultType(task, valueTuple)));
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

    private static void ResolveRouters(DeclarativeGraph graph, INamedTypeSymbol type, IMethodSymbol workflow)
    {
        for (var e = 0; e < graph.Edges.Count; e++)
        {
            var edge = graph.Edges[e];
            void Problem(string text) => graph.Problems.Add(new DeclarativeProblem(
                ConditionCode, new[] { graph.Name, edge.From, edge.To, text }, DeclarativeTarget.Condition, e));

            if (edge.When is null)
            {
                if (edge.Case is not null)
                {
                    Problem("has a Case but no router: set When = nameof(...) to a method that returns the case's enum");
                }

                continue;
            }

            var candidates = type.GetMembers(edge.When).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToList();
            var router = candidates.FirstOrDefault(m =>
                m.Parameters.Length == 1
                && m.Parameters[0].RefKind == RefKind.None
                && !m.IsGenericMethod
                && (m.IsStatic || !workflow.IsStatic)
                && (m.ReturnType.SpecialType == SpecialType.System_Boolean || m.ReturnType.TypeKind == TypeKind.Enum));
            if (router is null)
            {
                var owner = type.ToDisplayString(MessageTypeFormat);
                Problem(candidates.Count == 0
                    ? "names '" + edge.When + "', which is not a method of '" + owner + "': name (with nameof) a" + (workflow.IsStatic ? " static" : string.Empty) + " method of '" + owner + "' that takes the output of '" + edge.From + "' and returns bool or an enum"
                    : "names '" + edge.When + "', which does not take one parameter and return bool or an enum" + (workflow.IsStatic ? " as a static method" : string.Empty) + ": make it" + (workflow.IsStatic ? " static," : string.Empty) + " take the output of '" + edge.From + "' and return bool or an enum");
                continue;
            }

            edge.Router = router;
            if (router.ReturnType.TypeKind == TypeKind.Enum)
            {
                var enumType = router.ReturnType.ToDisplayString(MessageTypeFormat);
                if (edge.Case is not { } value)
                {
                    Problem("uses router '" + router.Name + "', which returns " + enumType + ", without a Case: set Case = " + enumType + ".<member>");
                    continue;
                }

                // One case, or several as an array: Case = new[] { Verdict.Invalid, Verdict.Unknown }.
                var values = value.Kind == TypedConstantKind.Array ? value.Values : ImmutableArray.Create(value);
                var members = new List<IFieldSymbol>();
                foreach (var item in values)
                {
                    if (item.Kind != TypedConstantKind.Enum || !SymbolEqualityComparer.Default.Equals(item.Type, router.ReturnType)
                        || FindMember(router.ReturnType, item.Value) is not { } member)
                    {
                        Problem("has Case = " + item.ToCSharpString() + ", which is not a member of " + enumType + ", the type router '" + router.Name + "' returns: set Case = " + enumType + ".<member>");
                        members = null;
                        break;
                    }

                    members.Add(member);
                }

                if (members is { Count: > 0 })
                {
                    edge.CaseMembers = members;
                }
                else if (members is not null)
                {
                    Problem("has an empty Case: set Case = " + enumType + ".<member>");
                }
            }
            else if (edge.Case is not null)
            {
                Problem("has a Case, but its condition '" + router.Name + "' returns bool: remove Case, or make '" + router.Name + "' return an enum");
            }
        }
    }

    private static void CheckExhaustiveRouting(DeclarativeGraph graph)
    {
        // Per upstream node and enum router, in edge order: every member of the enum needs an edge.
        var seen = new HashSet<(string From, string Router)>();
        for (var e = 0; e < graph.Edges.Count; e++)
        {
            var edge = graph.Edges[e];
            if (edge.Router is not { ReturnType.TypeKind: TypeKind.Enum } router || !seen.Add((edge.From, router.Name)))
            {
                continue;
            }

            var covered = new HashSet<object?>();
            foreach (var other in graph.Edges)
            {
                if (other.From == edge.From && SymbolEqualityComparer.Default.Equals(other.Router, router) && other.CaseMembers is { } members)
                {
                    foreach (var member in members)
                    {
                        covered.Add(member.ConstantValue);
                    }
                }
            }

            var enumType = router.ReturnType.ToDisplayString(MessageTypeFormat);
            foreach (var member in Members(router.ReturnType))
            {
                if (covered.Add(member.ConstantValue))
                {
                    graph.Problems.Add(new DeclarativeProblem(
                        RouteNotExhaustiveCode,
                        new[] { graph.Name, router.Name, enumType, member.Name, edge.From },
                        DeclarativeTarget.Condition,
                        e));
                }
            }
        }
    }

    /// <summary>The enum's members in declaration order.</summary>
    public static IEnumerable<IFieldSymbol> Members(ITypeSymbol enumType) =>
        enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue);

    private static IFieldSymbol? FindMember(ITypeSymbol enumType, object? value) =>
        Members(enumType).FirstOrDefault(f => Equals(f.ConstantValue, value));

    private static ITypeSymbol? ResultType(IMethodSymbol task, INamedTypeSymbol? valueTuple)
    {
        if (task.ReturnsVoid)
        {
            return valueTuple;
        }

        if (task.ReturnType is INamedTypeSymbol { ContainingNamespace: { } ns } named && ns.ToDisplayString() == "System.Threading.Tasks"
            && (named.Name == "Task" || named.Name == "ValueTask"))
        {
            return named.TypeArguments.Length == 1 ? named.TypeArguments[0] : valueTuple;
        }

        return task.ReturnType;
    }

    private static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System.Threading";

    private static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool IsGraphAttribute(INamedTypeSymbol? type) =>
        type?.ToDisplayString() is NodeAttributeName or EdgeAttributeName or StartWithAttributeName or EndWithAttributeName;

    private static bool HasAttribute(ISymbol symbol, string name) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == name);

    private static string? StringArgument(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;
}

/// <summary>A declarative graph as its attributes say it, with the symbols behind it.</summary>
internal sealed class DeclarativeGraph
{
    public DeclarativeGraph(IMethodSymbol method, string name)
    {
        Method = method;
        Name = name;
    }

    /// <summary>The workflow method the attributes are on.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The graph's name: the workflow's name.</summary>
    public string Name { get; }

    public List<DeclaredNode> Nodes { get; } = new List<DeclaredNode>();

    public List<DeclaredEdge> Edges { get; } = new List<DeclaredEdge>();

    public List<DeclaredEnd> Starts { get; } = new List<DeclaredEnd>();

    public List<DeclaredEnd> Ends { get; } = new List<DeclaredEnd>();

    /// <summary>The problems only the declarative form has (FLUX003 for tasks, FLUX009 for routers, FLUX011).</summary>
    public List<DeclarativeProblem> Problems { get; } = new List<DeclarativeProblem>();

    public GraphShape<ITypeSymbol> Shape { get; private set; } = null!;

    internal void Freeze()
    {
        Shape = new GraphShape<ITypeSymbol>(
            Name,
            Nodes.Select(n => new GraphNodeShape<ITypeSymbol>(n.Name, n.ParameterTypes, n.ResultType)).ToList(),
            Edges.Select(e => new GraphEdgeShape<ITypeSymbol>(
                e.From,
                e.To,
                e.When is not null,
                e.Router is { Parameters.Length: 1 } router ? router.Parameters[0].Type : null,
                e.Label)).ToList(),
            Starts.Select(s => s.Node).ToList(),
            Ends.Select(s => s.Node).ToList());
    }
}

/// <summary>One <c>[Node]</c>.</summary>
internal sealed class DeclaredNode
{
    public DeclaredNode(string name, string taskName, AttributeData attribute, IMethodSymbol? task, INamedTypeSymbol? declaredIn, IReadOnlyList<ITypeSymbol>? parameterTypes, ITypeSymbol? resultType)
    {
        Name = name;
        TaskName = taskName;
        Attribute = attribute;
        Task = task;
        DeclaredIn = declaredIn;
        ParameterTypes = parameterTypes;
        ResultType = resultType;
    }

    public string Name { get; }

    public string TaskName { get; }

    public AttributeData Attribute { get; }

    /// <summary>The [Task] method; null when the node names none (a FLUX003 problem).</summary>
    public IMethodSymbol? Task { get; }

    public INamedTypeSymbol? DeclaredIn { get; }

    public IReadOnlyList<ITypeSymbol>? ParameterTypes { get; }

    public ITypeSymbol? ResultType { get; }
}

/// <summary>One <c>[Edge]</c>.</summary>
internal sealed class DeclaredEdge
{
    public DeclaredEdge(string from, string to, AttributeData attribute, string? when, TypedConstant? @case)
    {
        From = from;
        To = to;
        Attribute = attribute;
        When = when;
        Case = @case;
    }

    public string From { get; }

    public string To { get; }

    public AttributeData Attribute { get; }

    /// <summary>The method <c>When</c> names, as written.</summary>
    public string? When { get; }

    /// <summary>The <c>Case</c> argument as written, if any.</summary>
    public TypedConstant? Case { get; }

    /// <summary>The condition or router method; null without <see cref="When"/> or when it does not resolve.</summary>
    public IMethodSymbol? Router { get; set; }

    /// <summary>The enum members of <see cref="Case"/> (one, or several given as an array), for an enum router.</summary>
    public IReadOnlyList<IFieldSymbol>? CaseMembers { get; set; }

    /// <summary>How the edge's condition reads in a diagram: <c>IsValid</c>, or <c>Classify is Valid</c> (<c>Classify is Invalid or Unknown</c>) for an enum router.</summary>
    public string? Label =>
        When is null ? null
        : CaseMembers is { } members ? When + " is " + string.Join(" or ", members.Select(m => m.Name))
        : When;
}

/// <summary>One <c>[StartWith]</c> or <c>[EndWith]</c>.</summary>
internal sealed class DeclaredEnd
{
    public DeclaredEnd(string node, AttributeData attribute)
    {
        Node = node;
        Attribute = attribute;
    }

    public string Node { get; }

    public AttributeData Attribute { get; }
}

/// <summary>What a problem points at, beyond the graph rules' targets.</summary>
internal enum DeclarativeTarget
{
    /// <summary>A graph rule's violation: see <see cref="DeclarativeProblem.Violation"/>.</summary>
    Rule,

    /// <summary>The task argument of the <see cref="DeclarativeProblem.Index"/>-th [Node].</summary>
    NodeTask,

    /// <summary>The When (or Case) of the <see cref="DeclarativeProblem.Index"/>-th [Edge].</summary>
    Condition,

    /// <summary>The <see cref="DeclarativeProblem.Index"/>-th [StartWith], whose node does not take the workflow's input.</summary>
    Start,

    /// <summary>The <see cref="DeclarativeProblem.Index"/>-th [EndWith], whose node's result does not fit the workflow's output.</summary>
    End,
}

/// <summary>One problem of a declarative graph: a graph rule's violation or a declarative check.</summary>
internal sealed class DeclarativeProblem
{
    public DeclarativeProblem(string code, IReadOnlyList<string> arguments, DeclarativeTarget target, int index, GraphViolation? violation = null)
    {
        Code = code;
        Arguments = arguments;
        Target = target;
        Index = index;
        Violation = violation;
    }

    public string Code { get; }

    /// <summary>The message arguments, as the code's descriptor (or declarative message format) takes them.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public DeclarativeTarget Target { get; }

    public int Index { get; }

    public GraphViolation? Violation { get; }

    /// <summary>The message format of the problem: the graph rule's, or the declarative one.</summary>
    public string MessageFormat => Target switch
    {
        DeclarativeTarget.NodeTask => DeclarativeGraphReader.NodeTaskMessageFormat,
        DeclarativeTarget.Condition when Code == DeclarativeGraphReader.RouteNotExhaustiveCode => DeclarativeGraphReader.RouteNotExhaustiveMessageFormat,
        DeclarativeTarget.Condition => DeclarativeGraphReader.ConditionMessageFormat,
        DeclarativeTarget.Start => DeclarativeGraphReader.StartTypeMessageFormat,
        DeclarativeTarget.End => DeclarativeGraphReader.EndTypeMessageFormat,
        _ => GraphRules.MessageFormat(Code),
    };

    /// <summary>The message, without the code.</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, MessageFormat, Arguments.ToArray<object>());

    public static DeclarativeProblem FromViolation(GraphViolation violation) =>
        new(violation.Code, violation.Arguments, DeclarativeTarget.Rule, violation.Index, violation);

    /// <inheritdoc/>
    public override string ToString() => Code + ": " + Message;
}
