using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flux.Analyzers.Tests;

/// <summary>An analyzer test with Flux and .NET 10 referenced offline (see <see cref="FluxTestReferences"/>).</summary>
internal sealed class FluxAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public FluxAnalyzerTest(string source, params DiagnosticResult[] expected)
    {
        ReferenceAssemblies = FluxTestReferences.NoPackages;

        // Some ids have several wordings (FLUX008 for an edge, and for a graph run with the wrong types): markup means the id.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
        TestState.AdditionalReferences.AddRange(FluxTestReferences.All);
        TestCode = source;
        ExpectedDiagnostics.AddRange(expected);
    }

    /// <summary>Runs the analyzer on <paramref name="source"/> and checks it reports exactly <paramref name="expected"/> (plus the markup's).</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        new FluxAnalyzerTest<TAnalyzer>(source, expected).RunAsync();

    /// <summary>
    /// A diagnostic of the analyzer's descriptor <paramref name="id"/> (with its default severity), to place with
    /// <c>.WithLocation(n)</c> (markup <c>{|#n:...|}</c>). With several wordings of the id, the rule's own (the first).
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) =>
        new(new TAnalyzer().SupportedDiagnostics.First(d => d.Id == id));

    /// <summary>A diagnostic of the wording <paramref name="entry"/> of the table (a rule's own, or another form of it).</summary>
    public static DiagnosticResult Diagnostic(FluxDiagnostic entry) =>
        new(new TAnalyzer().SupportedDiagnostics.Single(d => d.Id == entry.Id && d.MessageFormat.ToString() == entry.MessageFormat));
}
