using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Tasks;

/// <summary>A <c>[Task]</c> method whose signature the generator can wrap: what <see cref="TaskSignatureReader"/> returns.</summary>
internal sealed class TaskSignature
{
    public TaskSignature(IMethodSymbol method, BodyKind body, ITypeSymbol? result, IReadOnlyList<IParameterSymbol> values, bool takesToken, IReadOnlyList<ITypeSymbol> parameterTypes)
    {
        ParameterTypes = parameterTypes;
        Method = method;
        Body = body;
        Result = result;
        Values = values;
        TakesToken = takesToken;
    }

    /// <summary>The method.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>How its body is awaited.</summary>
    public BodyKind Body { get; }

    /// <summary>The value it produces; null when it produces none (<c>void</c>, <c>Task</c>, <c>ValueTask</c>).</summary>
    public ITypeSymbol? Result { get; }

    /// <summary>The parameters a call passes: every parameter but the <c>CancellationToken</c> the runtime supplies.</summary>
    public IReadOnlyList<IParameterSymbol> Values { get; }

    /// <summary>True when the method takes a <c>CancellationToken</c>.</summary>
    public bool TakesToken { get; }

    /// <summary>The type of every parameter, in order, the token included (read once: each read makes a new symbol object).</summary>
    public IReadOnlyList<ITypeSymbol> ParameterTypes { get; }
}
