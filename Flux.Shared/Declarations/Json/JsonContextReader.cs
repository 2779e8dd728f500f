using System.Threading;
using Flux.Shared.Declarations.Symbols;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Json;

/// <summary>
/// Reads <c>[assembly: FluxJsonContext(typeof(AppJson))]</c>: the <c>JsonSerializerContext</c> the assembly registers for
/// its durable runs. The generator's catalog hands its options to a client; the analyzer checks the task and workflow
/// types against what it can serialize (<see cref="JsonContext"/>).
/// </summary>
internal static class JsonContextReader
{
    private const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";

    /// <summary>The registered context, or null when the assembly registers none, or registers a type that is not a context.</summary>
    public static JsonContext? Read(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (FluxSymbols.IsAttribute(attribute, FluxSymbols.FluxJsonContextAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is INamedTypeSymbol context
                && DerivesFrom(context, JsonSerializerContext))
            {
                return new JsonContext(context, attribute.ApplicationSyntaxReference);
            }
        }

        return null;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == baseName)
            {
                return true;
            }
        }

        return false;
    }
}
