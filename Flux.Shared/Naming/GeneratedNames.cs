using System;

namespace Flux.Shared.Naming;

// The names the generator gives to what it adds, in one place: the generator emits them, the analyzers report a member
// that takes one of them (FLUX103), and the code fixes avoid them. Compiled into the runtime and the compiler parts.

/// <summary>What a generated member is.</summary>
internal enum GeneratedMember
{
    /// <summary><c>{M}Task</c>: the task's handle property.</summary>
    TaskProperty,

    /// <summary><c>{M}TaskHandle</c>: the handle's nested type.</summary>
    TaskHandleType,

    /// <summary><c>_{m}Task</c>: the field behind an instance task's handle.</summary>
    TaskField,

    /// <summary><c>{W}Workflow</c>: the workflow's handle property.</summary>
    WorkflowProperty,

    /// <summary><c>_{w}Workflow</c>: the field behind a workflow's handle, made on first use.</summary>
    WorkflowField,

    /// <summary><c>{W}Diagram</c>: the Mermaid text of the workflow's graph.</summary>
    Diagram,
}

/// <summary>One member the generator adds to the class that declares a task or a workflow.</summary>
internal readonly struct GeneratedName
{
    public GeneratedName(string name, GeneratedMember member)
    {
        Name = name;
        Member = member;
    }

    /// <summary>The member's name.</summary>
    public string Name { get; }

    /// <summary>What the member is.</summary>
    public GeneratedMember Member { get; }
}

/// <summary>
/// The names the generator gives to what it adds. A task method <c>M</c> (or <c>MAsync</c>) gets the property
/// <c>MTask</c> of the nested type <c>MTaskHandle</c> (and, for an instance method, the field <c>_mTask</c>); a workflow
/// method <c>W</c> (or <c>WAsync</c>) gets the property <c>WWorkflow</c>, its field <c>_wWorkflow</c> and the constant
/// <c>WDiagram</c>. Every one of them must be free in the containing type (FLUX103).
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The suffix a method name loses: <c>SayHelloAsync</c> makes <c>SayHelloTask</c>.</summary>
    public const string AsyncSuffix = "Async";

    /// <summary>The per-assembly catalog class, in the namespace made of the assembly name.</summary>
    public const string Catalog = "FluxCatalog";

    /// <summary>The catalog's file.</summary>
    public const string CatalogHintName = Catalog + ".g.cs";

    /// <summary>The static field, inside a static task's handle type, that holds the handle (made on first use of the type).</summary>
    public const string HandleInstance = "Instance";

    /// <summary>The method name without a trailing <c>Async</c> (a method named just <c>Async</c> keeps its name).</summary>
    public static string BaseName(string methodName) =>
        methodName.Length > AsyncSuffix.Length && methodName.EndsWith(AsyncSuffix, StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - AsyncSuffix.Length)
            : methodName;

    /// <summary>The name in events and the catalog: <paramref name="explicitName"/> (the attribute's <c>Name</c>) if set, else <see cref="BaseName"/>.</summary>
    public static string RuntimeName(string methodName, string? explicitName) =>
        string.IsNullOrWhiteSpace(explicitName) ? BaseName(methodName) : explicitName!;

    /// <summary><c>SayHiTask</c> for <c>SayHi</c> or <c>SayHiAsync</c>.</summary>
    public static string TaskProperty(string methodName) => BaseName(methodName) + "Task";

    /// <summary><c>SayHiTaskHandle</c> for <c>SayHi</c> or <c>SayHiAsync</c>.</summary>
    public static string TaskHandleType(string methodName) => BaseName(methodName) + "TaskHandle";

    /// <summary><c>_sayHiTask</c> for <c>SayHi</c>.</summary>
    public static string TaskField(string methodName) => Field(TaskProperty(methodName));

    /// <summary><c>GreetWorkflow</c> for <c>Greet</c> or <c>GreetAsync</c>.</summary>
    public static string WorkflowProperty(string methodName) => BaseName(methodName) + "Workflow";

    /// <summary><c>_greetWorkflow</c> for <c>Greet</c>.</summary>
    public static string WorkflowField(string methodName) => Field(WorkflowProperty(methodName));

    /// <summary><c>GreetDiagram</c> for <c>Greet</c>.</summary>
    public static string Diagram(string methodName) => BaseName(methodName) + "Diagram";

    /// <summary>Every member the generator adds to the containing type for a task method.</summary>
    public static GeneratedName[] ForTask(string methodName, bool isStatic) =>
        isStatic
            ? new[]
            {
                new GeneratedName(TaskProperty(methodName), GeneratedMember.TaskProperty),
                new GeneratedName(TaskHandleType(methodName), GeneratedMember.TaskHandleType),
            }
            : new[]
            {
                new GeneratedName(TaskProperty(methodName), GeneratedMember.TaskProperty),
                new GeneratedName(TaskHandleType(methodName), GeneratedMember.TaskHandleType),
                new GeneratedName(TaskField(methodName), GeneratedMember.TaskField),
            };

    /// <summary>Every member the generator adds to the containing type for a workflow method (with a body or declarative).</summary>
    public static GeneratedName[] ForWorkflow(string methodName) =>
        new[]
        {
            new GeneratedName(WorkflowProperty(methodName), GeneratedMember.WorkflowProperty),
            new GeneratedName(WorkflowField(methodName), GeneratedMember.WorkflowField),
            new GeneratedName(Diagram(methodName), GeneratedMember.Diagram),
        };

    /// <summary>Every name of <see cref="ForTask"/> or <see cref="ForWorkflow"/>.</summary>
    public static string[] Names(GeneratedName[] names)
    {
        var result = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            result[i] = names[i].Name;
        }

        return result;
    }

    /// <summary>The private field behind a handle property: <c>_sayHiTask</c> for <c>SayHiTask</c>.</summary>
    private static string Field(string propertyName) =>
        "_" + char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
}
