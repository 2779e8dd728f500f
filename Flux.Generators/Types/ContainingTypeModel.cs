using Flux.Shared.Declarations;

namespace Flux.Generators.Types;

/// <summary>The partial class that declares tasks or workflows, and the chain of types around it.</summary>
/// <param name="Namespace">The namespace (escaped), or empty for the global namespace.</param>
/// <param name="Declarations">The containing types, outermost first; the last one declares the methods.</param>
/// <param name="FullyQualifiedName">The <c>global::</c>-qualified name, with type parameters (<c>global::Demo.Box&lt;T&gt;</c>).</param>
/// <param name="HintName">The hint name without suffix (<c>Demo.Outer.Inner</c>, <c>Demo.Box_1</c>).</param>
/// <param name="IsReachableFromCatalog">True when the catalog (an internal class elsewhere in the assembly) can reference static members of the type: it and its containing types are public or internal, and none is generic.</param>
internal sealed record ContainingTypeModel(
    string Namespace,
    EquatableArray<TypeDeclarationModel> Declarations,
    string FullyQualifiedName,
    string HintName,
    bool IsReachableFromCatalog);
