using System.Collections.Immutable;
using Flux.Shared.Declarations.DeclarativeGraphs;
using Flux.Shared.Declarations.Json;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Declarations.Tasks;
using Flux.Shared.Declarations.Workflows;
using Flux.Shared.Diagnostics;
using Flux.Shared.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX109: with <c>[assembly: FluxJsonContext(typeof(AppJson))]</c>, a task parameter or result, or a workflow input or
/// output, whose type neither the registered context nor Flux's own has JSON metadata for: a durable run would fail
/// when it records the value. Without the attribute nothing is reported (reflection or <c>RunOptions.Json</c> decide).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JsonContextAnalyzer : FluxAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Supported(FluxDiagnostics.NotInJsonContext);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known)
    {
        // Read once per compilation; what the context covers is worked out on first need, once.
        if (JsonContextReader.Read(context.Compilation, context.CancellationToken) is not { } json)
        {
            return;
        }

        context.RegisterSymbolAction(c => AnalyzeMethod(c, known, json), SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownFluxTypes known, JsonContext json)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null)
        {
            return;
        }

        if (known.GetTaskAttribute(method) is { } taskAttribute)
        {
            if (TaskSignatureReader.Read(method, problems: null) is not { } signature)
            {
                return;
            }

            var name = GeneratedNames.RuntimeName(method.Name, TaskAttributeReader.Read(method, taskAttribute, problems: null, context.CancellationToken).Name);
            for (var i = 0; i < signature.ParameterTypes.Count; i++)
            {
                var type = signature.ParameterTypes[i];
                if (!FluxSymbols.IsCancellationToken(type))
                {
                    var parameter = method.Parameters[i];
                    Check(context, json, "Task", name, "takes parameter '" + parameter.Name + "' of type", type, SymbolFacts.NameLocation(parameter));
                }
            }

            if (signature.Result is { } result)
            {
                Check(context, json, "Task", name, "returns", result, SymbolFacts.NameLocation(method));
            }
        }
        else if (known.GetWorkflowAttribute(method) is { } workflowAttribute)
        {
            var declarative = method.IsPartialDefinition && DeclarativeGraphReader.HasGraphAttributes(method);
            if (WorkflowSignatureReader.Read(method, declarative, problems: null) is not { } signature)
            {
                return;
            }

            var name = GeneratedNames.RuntimeName(method.Name, FluxSymbols.NamedString(workflowAttribute, "Name"));
            Check(context, json, "Workflow", name, "takes input of type", signature.Input, SymbolFacts.NameLocation(method));
            Check(context, json, "Workflow", name, "returns", signature.Output, SymbolFacts.NameLocation(method));
        }
    }

    private static void Check(SymbolAnalysisContext context, JsonContext json, string kind, string name, string use, ITypeSymbol type, Location location)
    {
        if (json.CanSerialize(type))
        {
            return;
        }

        var display = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotInJsonContext, location, kind, name, use, display, json.Context.Name));
    }
}
