using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Json;

/// <summary>The <c>JsonSerializerContext</c> an assembly registers with <c>[assembly: FluxJsonContext(typeof(...))]</c>.</summary>
internal sealed class JsonContext
{
    public JsonContext(INamedTypeSymbol context, SyntaxReference? attribute)
    {
        Context = context;
        Attribute = attribute;
    }

    /// <summary>The context's type.</summary>
    public INamedTypeSymbol Context { get; }

    /// <summary>Where the assembly attribute is written.</summary>
    public SyntaxReference? Attribute { get; }
}
