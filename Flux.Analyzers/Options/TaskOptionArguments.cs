using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Analyzers;

/// <summary>Where a <c>[Task(...)]</c> named argument is written, so that an option's diagnostic points at it.</summary>
internal static class TaskOptionArguments
{
    /// <summary>The location of <c>Name = value</c> in the attribute, or of the task method's name when it cannot be found.</summary>
    public static Location Locate(AttributeData attribute, string name, IMethodSymbol task, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments })
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals is { } nameEquals
                    && string.Equals(nameEquals.Name.Identifier.ValueText, name, StringComparison.Ordinal))
                {
                    return argument.GetLocation();
                }
            }
        }

        return task.GetNameLocation();
    }
}
