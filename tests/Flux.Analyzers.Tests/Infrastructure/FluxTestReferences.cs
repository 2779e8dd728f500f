using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Flux.Analyzers.Tests;

/// <summary>
/// References for analyzer tests that work offline: the .NET 10 reference assemblies shipped inside
/// Basic.Reference.Assemblies.Net100 plus the Flux.Runtime built with this repository. The testing library's own
/// <see cref="ReferenceAssemblies"/> would download a targeting pack from NuGet at run time, so it is given none.
/// </summary>
internal static class FluxTestReferences
{
    /// <summary>A package-free set: the testing library resolves nothing and adds nothing.</summary>
    public static ReferenceAssemblies NoPackages { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(TaskAttribute).Assembly.Location),
    ];
}
