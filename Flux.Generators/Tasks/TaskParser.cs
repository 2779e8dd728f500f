using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Flux.Generators.Catalog;
using Flux.Generators.Symbols;
using Flux.Generators.Types;
using Flux.Shared.Declarations;
using Flux.Shared.Declarations.Fingerprints;
using Flux.Shared.Declarations.Tasks;
using Flux.Shared.Declarations.Types;
using Flux.Shared.Naming;
using Microsoft.CodeAnalysis;

namespace Flux.Generators.Tasks;

/// <summary>
/// Turns a <c>[Task]</c> method into a <see cref="TaskModel"/>, or skips it. Whether it can be wrapped is decided by the
/// shared readers (Flux.Shared/Declarations): the class (FLUX101), the signature (FLUX102), the generated names
/// (FLUX103), the options (FLUX105), the fallback and rollback (FLUX106); the analyzers report what they find, and this
/// parser only turns what they accept into text.
/// </summary>
/// <remarks>
/// It runs inside a <c>ForAttributeWithMetadataName</c> transform, which Roslyn runs again for every task whenever the
/// compilation changes (every keystroke): it reads the method's signature and nothing of its body.
/// </remarks>
internal static class TaskParser
{
    /// <summary>Tuple element names the compiler reserves (CS8126).</summary>
    private static readonly HashSet<string> s_reservedTupleNames = new(StringComparer.Ordinal)
    {
        "CompareTo", "Deconstruct", "Equals", "GetHashCode", "Rest", "ToString",
    };

    public static TaskModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method
            || context.Attributes.IsEmpty
            || ContainingTypeParser.Parse(method.ContainingType, cancellationToken) is not { } type
            || TaskSignatureReader.Read(method, problems: null) is not { } signature)
        {
            return null;
        }

        var generatedNames = GeneratedNames.ForTask(method.Name, method.IsStatic);
        if (GeneratedNameReader.FindTaken(method.ContainingType, generatedNames, cancellationToken) is not null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var attribute = context.Attributes[0];
        var values = TaskAttributeReader.Read(method, attribute, problems: null, cancellationToken);
        var compilation = context.SemanticModel.Compilation;
        var fallback = values.Fallback is { } fallbackName
            ? CompanionReader.Read(signature, fallbackName, isFallback: true, attribute, compilation, problems: null, cancellationToken)
            : null;
        var rollback = values.Rollback is { } rollbackName
            ? CompanionReader.Read(signature, rollbackName, isFallback: false, attribute, compilation, problems: null, cancellationToken)
            : null;

        var accessibility = TypeAccess.Narrowest(signature);
        var runtimeName = GeneratedNames.RuntimeName(method.Name, values.Name);
        var propertyName = GeneratedNames.TaskProperty(method.Name);
        var entry = new CatalogEntry(
            FluxKind.Task,
            type.FullyQualifiedName,
            runtimeName,
            new EquatableArray<string>(GeneratedNames.Names(generatedNames)),
            type.FullyQualifiedName + "." + propertyName,
            method.IsStatic && type.IsReachableFromCatalog && accessibility != "private");

        return new TaskModel(
            type,
            TypeText.Escape(method.Name),
            runtimeName,
            method.IsStatic,
            accessibility,
            Parameters(method, signature),
            signature.Body,
            signature.Result is null ? KnownTypes.ValueTuple : TypeText.FullyQualified(signature.Result),
            Options(values),
            fallback is null ? null : Companion(fallback),
            rollback is null ? null : Companion(rollback),
            TypeText.MethodCref(method, signature.ParameterTypes),
            entry,
            FingerprintReader.Read(signature, compilation, cancellationToken));
    }

    private static EquatableArray<ParameterModel> Parameters(IMethodSymbol method, TaskSignature signature)
    {
        var symbols = method.Parameters; // Each read makes a new array: read it once.
        var parameters = new ParameterModel[symbols.Length];
        var position = 0;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = symbols[i];
            var type = signature.ParameterTypes[i];
            var isToken = Flux.Shared.Declarations.Symbols.FluxSymbols.IsCancellationToken(type);
            var name = TypeText.Escape(parameter.Name);

            // Tuple element names: the parameter's own name unless the compiler reserves it at that position.
            var usable = false;
            var element = string.Empty;
            if (!isToken)
            {
                position++;
                usable = !s_reservedTupleNames.Contains(parameter.Name) && !IsOtherItemName(parameter.Name, position);
                element = usable ? name : "Item" + position.ToString(CultureInfo.InvariantCulture);
            }

            parameters[i] = new ParameterModel(
                name,
                TypeText.FullyQualified(type),
                TypeText.TypeOf(type),
                TypeText.Cref(type),
                parameter.HasExplicitDefaultValue ? TypeText.DefaultValue(parameter) : null,
                isToken,
                element,
                usable);
        }

        return new EquatableArray<ParameterModel>(parameters);
    }

    private static EquatableArray<OptionModel> Options(TaskAttributeValues values)
    {
        var options = new OptionModel[values.Options.Count];
        for (var i = 0; i < options.Length; i++)
        {
            var option = values.Options[i];
            options[i] = option switch
            {
                { Integer: { } integer } => new OptionModel(option.Property, integer.ToString(CultureInfo.InvariantCulture), null),
                { Number: { } number } => new OptionModel(option.Property, TypeText.Double(number), null),
                { Flag: { } flag } => new OptionModel(option.Property, flag ? "true" : "false", null),
                { Duration: { } duration } => new OptionModel(
                    option.Property,
                    "global::System.TimeSpan.FromTicks(" + duration.Ticks.ToString(CultureInfo.InvariantCulture) + ")",
                    option.Text),
                _ => throw new InvalidOperationException("Option " + option.Property + " has no value."),
            };
        }

        return new EquatableArray<OptionModel>(options);
    }

    private static CompanionModel Companion(Companion companion) =>
        new(TypeText.Escape(companion.Method.Name), companion.Method.IsStatic, companion.Body, companion.TokenIndex, companion.NeedsConversion);

    private static bool IsOtherItemName(string name, int position) =>
        name.StartsWith("Item", StringComparison.Ordinal)
        && int.TryParse(name.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out var item)
        && item.ToString(CultureInfo.InvariantCulture) == name.Substring(4)
        && item != position;
}
