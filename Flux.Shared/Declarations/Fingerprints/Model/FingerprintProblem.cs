namespace Flux.Shared.Declarations.Fingerprints;

/// <summary>Why a parameter has no exact fingerprint (FLUX108).</summary>
/// <param name="Parameter">The position of the parameter among the method's parameters.</param>
/// <param name="Type">The parameter type, as the message shows it.</param>
/// <param name="Reason">What has no value encoding and the fix, as the message ends.</param>
internal sealed record FingerprintProblem(int Parameter, string Type, string Reason);
