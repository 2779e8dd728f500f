
namespace Flux.Shared.Declarations.Fingerprints;

/// <summary>How a task's arguments are fingerprinted: what the generator emits and what the analyzer reports (FLUX108).</summary>
/// <param name="Parameters">The value parameters (not the cancellation token), in order.</param>
/// <param name="Shapes">Every type the parameters are made of, once each, in the order they were first reached.</param>
/// <param name="Problems">The parameters that have no exact fingerprint, and why.</param>
internal sealed record FingerprintPlan(
    EquatableArray<FingerprintParameter> Parameters,
    EquatableArray<FingerprintShape> Shapes,
    EquatableArray<FingerprintProblem> Problems)
{
    /// <summary>The shape of a type, by key.</summary>
    public FingerprintShape Shape(string type)
    {
        foreach (var shape in Shapes)
        {
            if (shape.Type == type)
            {
                return shape;
            }
        }

        throw new System.InvalidOperationException("No fingerprint shape for '" + type + "'.");
    }
}
