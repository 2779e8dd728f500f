namespace Flux.Analyzers.Tests;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the first directory above the test binaries that holds Flux.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string DiagnosticsDocs => Path.Combine(Root, "docs", "diagnostics");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Flux.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Flux.sln was not found above " + AppContext.BaseDirectory);
    }
}
