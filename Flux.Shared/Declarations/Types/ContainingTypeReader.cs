using System.Collections.Immutable;
using System.Threading;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Shared.Declarations.Types;

/// <summary>
/// FLUX101: whether the generator can add members to the class that declares a task or workflow. That class must be a
/// partial class, and every type containing it a partial type (class, struct or record); none may be file-local or a
/// ref struct. The generator re-declares each of them (see <see cref="Keyword"/>); the analyzer reports the first
/// problem of each type, once.
/// </summary>
internal static class ContainingTypeReader
{
    /// <summary>Whether the generator can extend <paramref name="type"/>, the class that declares the methods, and every type around it.</summary>
    public static bool CanExtend(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal || current.IsRefLikeType || Keyword(current, cancellationToken) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The problem of one type of the chain, or null.</summary>
    /// <param name="type">The type.</param>
    /// <param name="declaresTheMethod">True for the class that declares <paramref name="method"/>, false for a type around it.</param>
    /// <param name="method">A task or workflow method in (or inside) <paramref name="type"/>, for the message.</param>
    /// <param name="attribute">"Task" or "Workflow".</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static DeclarationProblem? Check(INamedTypeSymbol type, bool declaresTheMethod, IMethodSymbol method, string attribute, CancellationToken cancellationToken)
    {
        string problem;
        string what;
        string fix;
        if (declaresTheMethod && type.TypeKind != TypeKind.Class)
        {
            // The generator adds the handles to the method's own type, which must be a class; containing types may be
            // any partial type (a partial struct can hold a partial class with tasks).
            problem = DiagnosticProperties.NotAClass;
            what = "a " + DescribeKind(type) + ", which the generator cannot extend";
            fix = "declare '" + type.Name + "' as a partial class";
        }
        else if (!IsPartial(type, cancellationToken))
        {
            problem = DiagnosticProperties.NotPartial;
            what = "not partial";
            fix = "add the 'partial' modifier to '" + type.Name + "'";
        }
        else if (type.IsFileLocal)
        {
            problem = DiagnosticProperties.NotAClass;
            what = "file-local, so generated code in another file cannot extend it";
            fix = "remove the 'file' modifier from '" + type.Name + "'";
        }
        else if (type.IsRefLikeType)
        {
            problem = DiagnosticProperties.NotAClass;
            what = "a ref struct, which the generator cannot extend";
            fix = "declare '" + type.Name + "' as a partial class or an ordinary partial struct";
        }
        else
        {
            return null;
        }

        return new DeclarationProblem(
            FluxDiagnostics.TypeNotPartial,
            SymbolFacts.NameLocation(type),
            new[] { method.Name, attribute, type.Name, what, fix },
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.TypeProblem, problem));
    }

    /// <summary>
    /// The keyword that re-declares the type (<c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>,
    /// <c>interface</c>), or null when one of its declarations is not partial.
    /// </summary>
    public static string? Keyword(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        string? keyword = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            keyword ??= declaration is RecordDeclarationSyntax record
                ? record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record"
                : declaration.Keyword.ValueText;
        }

        return keyword;
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    private static string DescribeKind(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct when type.IsRecord => "record struct",
        TypeKind.Struct => "struct",
        TypeKind.Interface => "interface",
        TypeKind.Enum => "enum",
        TypeKind.Delegate => "delegate",
        _ => type.TypeKind.ToString().ToLowerInvariant(),
    };
}
