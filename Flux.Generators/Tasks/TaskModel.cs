using Flux.Generators.Catalog;
using Flux.Generators.Types;
using Flux.Shared.Declarations;
using Flux.Shared.Declarations.Fingerprints;
using Flux.Shared.Naming;

namespace Flux.Generators.Tasks;

/// <summary>A <c>[Task]</c> method the generator wraps in a handle.</summary>
/// <param name="Type">The containing type.</param>
/// <param name="MethodName">The method name, escaped.</param>
/// <param name="RuntimeName">The task's name in events and the catalog.</param>
/// <param name="IsStatic">True for a static method.</param>
/// <param name="Accessibility">The accessibility of the handle type and property: <c>public</c>, or narrower when a type in the signature is.</param>
/// <param name="Parameters">Every parameter in declaration order, the cancellation token included.</param>
/// <param name="Body">What the method returns.</param>
/// <param name="ResultType">The task's result type (<c>global::System.ValueTuple</c> when it returns no value).</param>
/// <param name="Options">The options the attribute sets, in a fixed order.</param>
/// <param name="Fallback">The fallback, when it exists and fits.</param>
/// <param name="Rollback">The rollback, when it exists and fits.</param>
/// <param name="Cref">The method as a doc-comment <c>cref</c>: <c>SayHi(string)</c>.</param>
/// <param name="Entry">The catalog facts.</param>
/// <param name="Fingerprint">How the arguments are fingerprinted: the encoders to generate.</param>
internal sealed record TaskModel(
    ContainingTypeModel Type,
    string MethodName,
    string RuntimeName,
    bool IsStatic,
    string Accessibility,
    EquatableArray<ParameterModel> Parameters,
    BodyKind Body,
    string ResultType,
    EquatableArray<OptionModel> Options,
    CompanionModel? Fallback,
    CompanionModel? Rollback,
    string Cref,
    CatalogEntry Entry,
    FingerprintPlan Fingerprint)
{
    /// <summary>The handle property, <c>{M}Task</c>.</summary>
    public string PropertyName => GeneratedNames.TaskProperty(Symbols.TypeText.Unescape(MethodName));

    /// <summary>The handle type, <c>{M}TaskHandle</c>.</summary>
    public string HandleName => GeneratedNames.TaskHandleType(Symbols.TypeText.Unescape(MethodName));

    /// <summary>The field behind an instance handle, <c>_{m}Task</c>.</summary>
    public string FieldName => GeneratedNames.TaskField(Symbols.TypeText.Unescape(MethodName));
}
