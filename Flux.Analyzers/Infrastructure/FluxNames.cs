using System;
using Microsoft.CodeAnalysis;

namespace Flux.Analyzers;

/// <summary>
/// The names the generator gives to what it adds, and the default names of tasks and workflows.
/// Keep in step with Flux.Generators: a task method <c>M</c> or <c>MAsync</c> gets <c>MTask</c> of type <c>MTaskHandle</c>,
/// a workflow method <c>W</c> or <c>WAsync</c> gets <c>WWorkflow</c>.
/// </summary>
internal static class FluxNames
{
    public const string AsyncSuffix = "Async";
    public const string TaskPropertySuffix = "Task";
    public const string TaskHandleSuffix = "TaskHandle";
    public const string WorkflowPropertySuffix = "Workflow";

    /// <summary>The method name without a trailing <c>Async</c> (a method named just <c>Async</c> keeps its name).</summary>
    public static string BaseName(string methodName) =>
        methodName.Length > AsyncSuffix.Length && methodName.EndsWith(AsyncSuffix, StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - AsyncSuffix.Length)
            : methodName;

    public static string TaskProperty(string methodName) => BaseName(methodName) + TaskPropertySuffix;

    public static string TaskHandleType(string methodName) => BaseName(methodName) + TaskHandleSuffix;

    public static string WorkflowProperty(string methodName) => BaseName(methodName) + WorkflowPropertySuffix;

    /// <summary>The private field behind an instance handle: <c>_sayHiTask</c> for <c>SayHiTask</c>.</summary>
    public static string BackingField(string propertyName) =>
        "_" + char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);

    /// <summary>Every name the generator adds to the containing type for a task or workflow method.</summary>
    public static string[] GeneratedMembers(IMethodSymbol method, bool isTask)
    {
        if (isTask)
        {
            var property = TaskProperty(method.Name);
            return method.IsStatic
                ? new[] { property, TaskHandleType(method.Name) }
                : new[] { property, TaskHandleType(method.Name), BackingField(property) };
        }

        var workflow = WorkflowProperty(method.Name);
        return method.IsStatic ? new[] { workflow } : new[] { workflow, BackingField(workflow) };
    }

    /// <summary>The name in events and the catalog: the attribute's <c>Name</c> if set, else <see cref="BaseName"/>.</summary>
    public static string EffectiveName(IMethodSymbol method, AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Name" && argument.Value.Value is string name && name.Length > 0)
            {
                return name;
            }
        }

        return BaseName(method.Name);
    }
}
