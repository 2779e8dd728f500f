using System;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Generators;

/// <summary>
/// The names the generator gives to what it adds. Keep in step with <c>Flux.Analyzers/Infrastructure/FluxNames.cs</c>:
/// a task method <c>M</c> or <c>MAsync</c> gets <c>MTask</c> of type <c>MTaskHandle</c>, a workflow <c>W</c> gets <c>WWorkflow</c>.
/// </summary>
internal static class FluxNaming
{
    private const string AsyncSuffix = "Async";

    /// <summary>The method name without a trailing <c>Async</c> (a method named just <c>Async</c> keeps its name).</summary>
    public static string BaseName(string methodName) =>
        methodName.Length > AsyncSuffix.Length && methodName.EndsWith(AsyncSuffix, StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - AsyncSuffix.Length)
            : methodName;

    /// <summary>The private field behind an instance handle: <c>_sayHiTask</c> for <c>SayHiTask</c>.</summary>
    public static string FieldName(string propertyName) =>
        "_" + char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);

    /// <summary>Prefixes <c>@</c> to a name that is a C# keyword.</summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>Turns an assembly name into a valid namespace (<c>My-App.2</c> becomes <c>My_App._2</c>).</summary>
    public static string Namespace(string? assemblyName)
    {
        if (string.IsNullOrWhiteSpace(assemblyName))
        {
            return "FluxGenerated";
        }

        var result = new StringBuilder();
        foreach (var part in assemblyName!.Split('.'))
        {
            var identifier = new StringBuilder();
            foreach (var c in part)
            {
                identifier.Append(SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_');
            }

            if (identifier.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(identifier[0]))
            {
                identifier.Insert(0, '_');
            }

            if (result.Length > 0)
            {
                result.Append('.');
            }

            result.Append(Escape(identifier.ToString()));
        }

        return result.ToString();
    }
}
