using Microsoft.CodeAnalysis;

namespace Flux.Shared.Declarations.Workflows;

/// <summary>A <c>[Workflow]</c> method whose signature the generator can expose: what <see cref="WorkflowSignatureReader"/> returns.</summary>
internal sealed class WorkflowSignature
{
    public WorkflowSignature(IMethodSymbol method, INamedTypeSymbol context, ITypeSymbol input, ITypeSymbol output, BodyKind body)
    {
        Method = method;
        Context = context;
        Input = input;
        Output = output;
        Body = body;
    }

    /// <summary>The method.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>Its <c>ExecutionContext&lt;TInput&gt;</c> parameter's type.</summary>
    public INamedTypeSymbol Context { get; }

    /// <summary>TInput.</summary>
    public ITypeSymbol Input { get; }

    /// <summary>TOutput.</summary>
    public ITypeSymbol Output { get; }

    /// <summary><see cref="BodyKind.Value"/>, <see cref="BodyKind.TaskOfT"/> or <see cref="BodyKind.ValueTaskOfT"/>.</summary>
    public BodyKind Body { get; }

    /// <summary>True when the input is a non-nullable reference type: a run with a null input is rejected before anything runs.</summary>
    public bool RejectsNullInput => Input.IsReferenceType && Input.NullableAnnotation == NullableAnnotation.NotAnnotated;
}
