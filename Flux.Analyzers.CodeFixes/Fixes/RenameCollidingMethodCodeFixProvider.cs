using Flux.Shared.Naming;
using Flux.Shared.Diagnostics;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Rename;

namespace Flux.Analyzers.CodeFixes;

/// <summary>
/// FLUX103: renames the task or workflow method to <c>{Name}Core</c> (keeping a trailing <c>Async</c>: <c>FooAsync</c> becomes
/// <c>FooCoreAsync</c>), or <c>{Name}Core2</c>, ... when that is taken too, with every reference (including <c>nameof</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameCollidingMethodCodeFixProvider)), Shared]
public sealed class RenameCollidingMethodCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.GeneratedNameCollision + ".RenameMethod";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.GeneratedNameCollision);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax declaration
                || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method)
            {
                continue;
            }

            var newName = ChooseName(method);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Rename '" + method.Name + "' to '" + newName + "'",
                    ct => Renamer.RenameSymbolAsync(context.Document.Project.Solution, method, new SymbolRenameOptions(), newName, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The first of <c>{Base}Core</c>, <c>{Base}Core2</c>, ... whose own name and generated names are all free.</summary>
    internal static string ChooseName(IMethodSymbol method)
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { method.ContainingType.Name };
        foreach (var typeParameter in method.ContainingType.TypeParameters)
        {
            taken.Add(typeParameter.Name);
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (var name in type.MemberNames)
            {
                taken.Add(name);
            }

            foreach (var member in type.GetMembers())
            {
                // Another task or workflow's generated names are taken even before the generator has run.
                if (member is IMethodSymbol other && !SymbolEqualityComparer.Default.Equals(other, method))
                {
                    taken.UnionWith(GeneratedNames.Names(GeneratedNames.ForTask(other.Name, other.IsStatic)));
                    taken.UnionWith(GeneratedNames.Names(GeneratedNames.ForWorkflow(other.Name)));
                }
            }
        }

        var suffix = method.Name.Length > GeneratedNames.BaseName(method.Name).Length ? GeneratedNames.AsyncSuffix : string.Empty;
        var stem = GeneratedNames.BaseName(method.Name) + "Core";
        for (var attempt = 1; ; attempt++)
        {
            var candidate = stem + (attempt == 1 ? string.Empty : attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)) + suffix;
            if (!taken.Contains(candidate)
                && !GeneratedNames.Names(GeneratedNames.ForTask(candidate, method.IsStatic)).Any(taken.Contains)
                && !GeneratedNames.Names(GeneratedNames.ForWorkflow(candidate)).Any(taken.Contains))
            {
                return candidate;
            }
        }
    }
}
