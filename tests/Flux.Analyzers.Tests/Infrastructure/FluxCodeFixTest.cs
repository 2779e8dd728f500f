using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flux.Analyzers.Tests;

/// <summary>A code-fix test with Flux and .NET 10 referenced offline (see <see cref="FluxTestReferences"/>).</summary>
internal sealed class FluxCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public FluxCodeFixTest(string source, string fixedSource)
    {
        ReferenceAssemblies = FluxTestReferences.NoPackages;

        // Some ids have several wordings (FLUX008 for an edge, and for a graph run with the wrong types): markup means the id.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
        TestState.AdditionalReferences.AddRange(FluxTestReferences.All);
        FixedState.AdditionalReferences.AddRange(FluxTestReferences.All);
        TestCode = source;
        FixedCode = fixedSource;
    }

    /// <summary>Checks the markup diagnostics of <paramref name="source"/> and that fixing them (one by one and all at once) gives <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource) =>
        new FluxCodeFixTest<TAnalyzer, TCodeFix>(source, fixedSource).RunAsync();
}
