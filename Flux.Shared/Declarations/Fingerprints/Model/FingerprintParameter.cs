namespace Flux.Shared.Declarations.Fingerprints;

/// <summary>How one task parameter is fingerprinted.</summary>
/// <param name="Type">The key of the parameter type's <see cref="FingerprintShape"/>.</param>
/// <param name="Materialize">True when the parameter is declared <c>IEnumerable&lt;T&gt;</c> (or <c>IEnumerable</c>): a lazy
/// sequence passed to it is read into a collection once, when the call is made, so that fingerprinting it does not
/// consume what the body reads.</param>
internal sealed record FingerprintParameter(string Type, bool Materialize);
