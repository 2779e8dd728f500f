using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Shared.Declarations.DeclarativeGraphs;

/// <summary>
/// The conditions and routers of a declarative graph: <c>When = nameof(M)</c> names a method of the workflow's class
/// that takes the upstream output and returns <c>bool</c> (a condition) or an enum (a router, with <c>Case</c>). A
/// condition or router that is missing or does not fit is FLUX009; an enum router that leaves a case without an edge is
/// FLUX011 (exhaustive routing).
/// </summary>
internal static class DeclarativeRouters
{
    /// <summary>Sets <see cref="DeclaredEdge.Router"/> and <see cref="DeclaredEdge.CaseMembers"/> of every edge, or reports why it cannot.</summary>
    public static void Resolve(DeclarativeGraph graph, INamedTypeSymbol type, IMethodSymbol workflow, List<DeclarationProblem> problems, DeclarativeLocations locations)
    {
        for (var e = 0; e < graph.Edges.Count; e++)
        {
            var edge = graph.Edges[e];
            var at = e;
            void Problem(string text) => problems.Add(new DeclarationProblem(
                FluxDiagnostics.GraphInvalidCondition, locations.Condition(at), new[] { graph.Name, edge.From, edge.To, text }));

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
                var owner = TypeFit.Display(type);
                Problem(candidates.Count == 0
                    ? "names '" + edge.When + "', which is not a method of '" + owner + "': name (with nameof) a" + (workflow.IsStatic ? " static" : string.Empty) + " method of '" + owner + "' that takes the output of '" + edge.From + "' and returns bool or an enum"
                    : "names '" + edge.When + "', which does not take one parameter and return bool or an enum" + (workflow.IsStatic ? " as a static method" : string.Empty) + ": make it" + (workflow.IsStatic ? " static," : string.Empty) + " take the output of '" + edge.From + "' and return bool or an enum");
                continue;
            }

            edge.Router = router;
            if (router.ReturnType.TypeKind != TypeKind.Enum)
            {
                if (edge.Case is not null)
                {
                    Problem("has a Case, but its condition '" + router.Name + "' returns bool: remove Case, or make '" + router.Name + "' return an enum");
                }

                continue;
            }

            var enumType = TypeFit.Display(router.ReturnType);
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
    }

    /// <summary>Per upstream node and enum router, in edge order: every member of the enum needs an edge (FLUX011).</summary>
    public static void CheckExhaustive(DeclarativeGraph graph, List<DeclarationProblem> problems, DeclarativeLocations locations)
    {
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

            var enumType = TypeFit.Display(router.ReturnType);
            foreach (var member in Members(router.ReturnType))
            {
                if (covered.Add(member.ConstantValue))
                {
                    problems.Add(new DeclarationProblem(
                        FluxDiagnostics.GraphRouteNotExhaustive,
                        locations.Condition(e),
                        new[] { graph.Name, router.Name, enumType, member.Name, edge.From }));
                }
            }
        }
    }

    /// <summary>The enum's members in declaration order.</summary>
    public static IEnumerable<IFieldSymbol> Members(ITypeSymbol enumType) =>
        enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue);

    private static IFieldSymbol? FindMember(ITypeSymbol enumType, object? value) =>
        Members(enumType).FirstOrDefault(f => Equals(f.ConstantValue, value));
}
