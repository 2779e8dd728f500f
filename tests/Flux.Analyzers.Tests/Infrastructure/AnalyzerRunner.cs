using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers.Tests;

/// <summary>Runs one analyzer on sources directly, for assertions the markup cannot express (diagnostic properties).</summary>
internal static class AnalyzerRunner
{
    public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync<TAnalyzer>(params string[] sources)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var compilation = CSharpCompilation.Create(
            "Flux.Analyzers.Tests.Source",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"Source{i}.cs")),
            FluxTestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(errors, Is.Empty, "the test source must compile");
        return await compilation.WithAnalyzers([new TAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }
}
