using Flux.Shared.Naming;
using Flux.Shared.Diagnostics;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX103: a name the generator would add (<c>MTask</c>, <c>MTaskHandle</c>, <c>WWorkflow</c>, and for instance methods the
/// backing field <c>_mTask</c>/<c>_wWorkflow</c>) is already taken in the containing type (or by an inherited member, a type
/// parameter, or the type's own name), or two methods of one type map to the same generated name
/// (<c>Foo</c> and <c>FooAsync</c>, or overloads). Reported on the method name; the colliding name is in
/// <see cref="GeneratedNameProperty"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeneratedNameCollisionAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.GeneratedNameCollision);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known) =>
        context.RegisterSymbolAction(c => AnalyzeType(c, known), SymbolKind.NamedType);

    private static void AnalyzeType(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var cancellationToken = context.CancellationToken;

        // Generated name -> the first method (in source order) that claims it.
        Dictionary<string, IMethodSymbol>? claimed = null;
        foreach (var method in SortedFluxMethods(type, known))
        {
            var isTask = known.IsTask(method);
            var kind = isTask ? "Task" : "Workflow";
            var generatedNames = GeneratedNames.Names(isTask ? GeneratedNames.ForTask(method.Name, method.IsStatic) : GeneratedNames.ForWorkflow(method.Name));

            foreach (var generatedName in generatedNames)
            {
                claimed ??= new Dictionary<string, IMethodSymbol>(System.StringComparer.Ordinal);
                string? collision = FindExistingMember(type, generatedName, cancellationToken);
                if (collision is null && claimed.TryGetValue(generatedName, out var first))
                {
                    collision = (known.IsTask(first) ? "task" : "workflow") + " method '" + first.Name + "' generates the same name";
                }

                if (collision is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.GeneratedNameCollision,
                        method.GetNameLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.GeneratedName, generatedName),
                        kind,
                        method.Name,
                        generatedName,
                        collision));
                    break;
                }

                claimed[generatedName] = method;
            }
        }
    }

    /// <summary>The [Task]/[Workflow] methods declared in the type, in source order, so the first of a clashing pair is stable.</summary>
    private static List<IMethodSymbol> SortedFluxMethods(INamedTypeSymbol type, KnownFluxTypes known)
    {
        var methods = new List<IMethodSymbol>();
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { PartialDefinitionPart: null } method && (known.IsTask(method) || known.IsWorkflow(method)))
            {
                methods.Add(method);
            }
        }

        methods.Sort(static (a, b) => SourceOrder.Compare(a.GetNameLocation(), b.GetNameLocation()));
        return methods;
    }

    /// <summary>Describes a user-written member already named <paramref name="name"/>, or returns <see langword="null"/>.</summary>
    private static string? FindExistingMember(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
    {
        if (type.Name == name)
        {
            return "the containing type is itself named '" + name + "' and a member cannot have the name of its type";
        }

        foreach (var typeParameter in type.TypeParameters)
        {
            if (typeParameter.Name == name)
            {
                return "'" + type.Name + "' has a type parameter named '" + name + "'";
            }
        }

        foreach (var member in type.GetMembers(name))
        {
            if (!member.IsImplicitlyDeclared && !member.IsDeclaredInGeneratedCode(cancellationToken))
            {
                return "'" + type.Name + "' already declares a member named '" + name + "'";
            }
        }

        for (var baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
        {
            foreach (var member in baseType.GetMembers(name))
            {
                if (member.DeclaredAccessibility != Accessibility.Private && !member.IsImplicitlyDeclared)
                {
                    return "base type '" + baseType.Name + "' already has a member named '" + name + "'";
                }
            }
        }

        return null;
    }
}
