using System.Linq;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Symbols;

/// <summary>
/// What the readers need to recognize in symbols: Flux's attributes and types by metadata name (the compiler parts do
/// not reference Flux.Runtime), and the BCL types that decide a method's shape.
/// </summary>
internal static class FluxSymbols
{
    public const string TaskAttribute = "Flux.TaskAttribute";
    public const string WorkflowAttribute = "Flux.WorkflowAttribute";
    public const string NodeAttribute = "Flux.NodeAttribute";
    public const string EdgeAttribute = "Flux.EdgeAttribute";
    public const string StartWithAttribute = "Flux.StartWithAttribute";
    public const string EndWithAttribute = "Flux.EndWithAttribute";
    public const string FluxJsonContextAttribute = "Flux.FluxJsonContextAttribute";
    public const string Graph = "Flux.Graph";
    public const string GraphDefinition = "Flux.GraphDefinition";
    public const string TaskHandleOfT = "Flux.TaskHandle`2";
    public const string ExecutionContextOfT = "Flux.ExecutionContext`1";

    /// <summary><c>System.Threading.Tasks.Task</c> or <c>ValueTask</c>, generic or not.</summary>
    public static bool IsTasksType(INamedTypeSymbol type) =>
        type.Name is "Task" or "ValueTask"
        && type.Arity <= 1
        && type.ContainingType is null
        && type.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary><c>System.Threading.CancellationToken</c>.</summary>
    public static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "CancellationToken", Arity: 0, ContainingType: null, IsValueType: true } named
        && named.ContainingNamespace is { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary><c>Flux.ExecutionContext&lt;TInput&gt;</c>.</summary>
    public static bool IsExecutionContext(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "ExecutionContext", Arity: 1, ContainingType: null } named
        && named.ContainingNamespace is { Name: "Flux", ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>How a method's return type is awaited, and the value it produces (null for none).</summary>
    public static (BodyKind Body, ITypeSymbol? Result) Classify(IMethodSymbol method) => Classify(method, method.ReturnType);

    /// <summary>How a method's return type, <paramref name="returnType"/> (already read), is awaited, and the value it produces.</summary>
    public static (BodyKind Body, ITypeSymbol? Result) Classify(IMethodSymbol method, ITypeSymbol returnType)
    {
        if (method.ReturnsVoid)
        {
            return (BodyKind.Void, null);
        }

        if (returnType is INamedTypeSymbol named && IsTasksType(named))
        {
            return (named.Name, named.Arity) switch
            {
                ("Task", 0) => (BodyKind.Task, null),
                ("ValueTask", 0) => (BodyKind.ValueTask, null),
                ("Task", 1) => (BodyKind.TaskOfT, named.TypeArguments[0]),
                _ => (BodyKind.ValueTaskOfT, named.TypeArguments[0]),
            };
        }

        return (BodyKind.Value, returnType);
    }

    /// <summary>True for types a call cannot store or an event cannot record.</summary>
    public static bool IsUnstorable(ITypeSymbol type) =>
        type is IPointerTypeSymbol or IFunctionPointerTypeSymbol || type.IsRefLikeType;

    /// <summary>True when a type does not bind (the user's code has an error the compiler reports): generating against it would add errors.</summary>
    public static bool HasErrorType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => HasErrorType(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(HasErrorType),
        _ => false,
    };

    /// <summary>The attribute of class <paramref name="metadataName"/> on <paramref name="symbol"/>, if any.</summary>
    public static AttributeData? FindAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsAttribute(attribute, metadataName))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="attribute"/> is of class <paramref name="metadataName"/> (<c>Namespace.Name</c>, not generic).</summary>
    public static bool IsAttribute(AttributeData attribute, string metadataName)
    {
        var type = attribute.AttributeClass;
        if (type is null || type.Arity != 0)
        {
            return false;
        }

        var dot = metadataName.LastIndexOf('.');
        return type.Name.Length == metadataName.Length - dot - 1
            && string.CompareOrdinal(type.Name, 0, metadataName, dot + 1, type.Name.Length) == 0
            && type.ContainingType is null
            && type.ContainingNamespace.ToDisplayString() == metadataName.Substring(0, dot);
    }

    /// <summary>The string value of a named argument of an attribute (such as <c>Name</c>), or null.</summary>
    public static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }
}
