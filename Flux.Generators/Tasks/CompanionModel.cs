using Flux.Shared.Declarations;

namespace Flux.Generators.Tasks;

/// <summary>A task's fallback or rollback method, already checked to fit the task.</summary>
/// <param name="MethodName">The method name, escaped.</param>
/// <param name="IsStatic">True for a static method.</param>
/// <param name="Body">What it returns.</param>
/// <param name="TokenIndex">The position of its <c>CancellationToken</c> parameter, or -1.</param>
/// <param name="NeedsConversion">True when its awaited result is not exactly the task's result type and must be converted.</param>
internal sealed record CompanionModel(string MethodName, bool IsStatic, BodyKind Body, int TokenIndex, bool NeedsConversion);
