namespace Flux.Generators.Tasks;

/// <summary>One parameter of a task method.</summary>
/// <param name="Name">The parameter name, escaped when it is a keyword (<c>@class</c>).</param>
/// <param name="Type">The fully qualified type, with nullable annotations.</param>
/// <param name="TypeOf">The type as <c>typeof</c> accepts it (no nullable reference annotations, no tuple names).</param>
/// <param name="Cref">The type as a doc-comment <c>cref</c> writes it.</param>
/// <param name="DefaultValue">The default value as C# text, or null when the parameter has none.</param>
/// <param name="IsCancellationToken">True for the <c>CancellationToken</c> the runtime supplies.</param>
/// <param name="TupleElement">The element name in the arguments tuple (<c>Item2</c> when the name cannot be a tuple element name).</param>
/// <param name="IsNamedTupleElement">False when the parameter name cannot name a tuple element (<c>Rest</c>, <c>Item1</c> at position 2).</param>
internal sealed record ParameterModel(
    string Name,
    string Type,
    string TypeOf,
    string Cref,
    string? DefaultValue,
    bool IsCancellationToken,
    string TupleElement,
    bool IsNamedTupleElement);
