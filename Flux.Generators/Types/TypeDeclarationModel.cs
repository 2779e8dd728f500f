namespace Flux.Generators.Types;

/// <summary>One type in the chain of partial types that contains a task or workflow, as the generated file re-declares it.</summary>
/// <param name="Keyword">The type keyword: <c>class</c>, <c>record</c>, <c>struct</c>, <c>record struct</c> or <c>interface</c>.</param>
/// <param name="Name">The name with its type parameters (<c>Box&lt;T&gt;</c>), escaped.</param>
/// <param name="IsStatic">True for a static class.</param>
internal sealed record TypeDeclarationModel(string Keyword, string Name, bool IsStatic);
