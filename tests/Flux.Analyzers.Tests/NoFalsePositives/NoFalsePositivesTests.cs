using System.Collections.Immutable;
using System.Xml.Linq;
using Flux.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers.Tests.NoFalsePositives;

/// <summary>
/// Flux never complains about a correct program: every source file of the samples and of the runtime's tests (code
/// that builds and runs) is compiled as its project compiles it, with every Flux generator and every Flux analyzer,
/// and must give no Flux diagnostic and no compiler error.
/// </summary>
/// <remarks>
/// The sources are read from the repository, so a new sample or test fixture is covered without touching this test.
/// A fixture that is invalid on purpose is listed in <see cref="s_intended"/> (or carries a <c>#pragma warning disable</c>).
/// The projects' implicit usings (the SDK's list plus their <c>&lt;Using Include&gt;</c> items) become a global-usings file.
/// </remarks>
public sealed class NoFalsePositivesTests
{
    /// <summary>What <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> adds in a Microsoft.NET.Sdk project.</summary>
    private static readonly string[] s_sdkImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    ];

    /// <summary>
    /// Fixtures that break graph rules on purpose, to test the runtime's own validation: the analyzer is right to flag
    /// them (the runtime's test project does not run the analyzers). Keyed by file (relative to the project), method
    /// (null: every method of a file of invalid graphs) and id (null: every graph rule, FLUX001-FLUX010).
    /// </summary>
    private static readonly (string File, string? Method, string? Id)[] s_intended =
    [
        ("Graphs/GraphValidationTests.cs", null, null),
        ("Graphs/GraphRunTests.cs", "Running_with_an_input_type_a_start_node_does_not_take_throws_before_anything_runs", "FLUX008"),
        ("Graphs/GraphRunTests.cs", "Running_for_an_output_type_an_end_node_does_not_produce_throws_before_anything_runs", "FLUX008"),
    ];

    [Test]
    public async Task The_samples_compile_with_no_Flux_diagnostic()
    {
        var project = Path.Combine(RepositoryPaths.Root, "samples", "Flux.Samples");
        var result = await CompileAsync("Flux.Samples", OutputKind.ConsoleApplication, project, []);

        Assert.That(result.Sources, Is.GreaterThan(0), "no sample source found under " + project);
        Assert.That(result.Generated, Is.GreaterThan(0), "the generators added nothing: the samples were not compiled as they build");
        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
    }

    [Test]
    public async Task The_runtime_test_fixtures_compile_with_no_Flux_diagnostic()
    {
        var project = Path.Combine(RepositoryPaths.Root, "tests", "Flux.Runtime.Tests");

        // The named assembly matters: the runtime grants its internals to Flux.Runtime.Tests.
        var result = await CompileAsync(
            "Flux.Runtime.Tests",
            OutputKind.DynamicallyLinkedLibrary,
            project,
            [
                MetadataReference.CreateFromFile(typeof(Assert).Assembly.Location),
                MetadataReference.CreateFromFile(TimeProviderTestingAssembly()),
                MetadataReference.CreateFromFile(typeof(System.IO.Hashing.XxHash64).Assembly.Location),
            ]);

        Assert.That(result.Sources, Is.GreaterThan(0), "no test source found under " + project);
        Assert.That(result.Generated, Is.GreaterThan(0), "the generators added nothing: the fixtures were not compiled as they build");
        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
    }

    /// <summary>
    /// Correct programs that build graphs the analyzer must leave alone (partial-graph helpers, graphs extended by a
    /// caller, graphs built in loops or from configuration) or judge and find right (complete graphs that leave their
    /// method, run types that fit): <c>NoFalsePositives/Programs/</c>.
    /// </summary>
    [Test]
    public async Task The_tricky_graph_programs_compile_with_no_Flux_diagnostic()
    {
        var programs = Path.Combine(RepositoryPaths.Root, "tests", "Flux.Analyzers.Tests", "NoFalsePositives", "Programs");
        var usings = string.Concat(s_sdkImplicitUsings.Append("Flux").Select(u => "global using global::" + u + ";\n"));
        var result = await CompileAsync("Flux.Correct", OutputKind.DynamicallyLinkedLibrary, programs, [], usings);

        Assert.That(result.Sources, Is.GreaterThan(0), "no program found under " + programs);
        Assert.That(result.Generated, Is.GreaterThan(0));
        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
    }

    private static async Task<(int Sources, int Generated, IReadOnlyList<string> Problems)> CompileAsync(
        string assemblyName,
        OutputKind outputKind,
        string projectDirectory,
        IEnumerable<MetadataReference> extraReferences,
        string? globalUsings = null)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["NET", "NET10_0", "NET10_0_OR_GREATER"]);
        var files = SourceFiles(projectDirectory);
        var trees = files
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parseOptions, path: file))
            .Append(CSharpSyntaxTree.ParseText(globalUsings ?? GlobalUsings(projectDirectory), parseOptions, path: "GlobalUsings.g.cs"))
            .ToList();

        var analyzers = FluxAnalyzers();

        // Rules that are off by default are switched on: a false positive there would still be one.
        var switchedOn = analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .Where(d => !d.IsEnabledByDefault)
            .Select(d => KeyValuePair.Create(d.Id, ReportDiagnostic.Warn));
        var input = CSharpCompilation.Create(
            assemblyName,
            trees,
            [.. FluxTestReferences.All, .. extraReferences],
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(switchedOn));

        CSharpGeneratorDriver.Create(FluxGenerators(), parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var analyzerDiagnostics = await output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();

        var problems = generatorDiagnostics
            .Concat(output.GetDiagnostics())
            .Concat(analyzerDiagnostics)
            .Where(d => IsProblem(d) && !IsIntended(d, projectDirectory))
            .Select(d => d.ToString())
            .Distinct()
            .ToList();
        return (files.Count, output.SyntaxTrees.Count() - input.SyntaxTrees.Length, problems);
    }

    private static bool IsIntended(Diagnostic diagnostic, string projectDirectory)
    {
        if (diagnostic.Location.SourceTree is not { } tree)
        {
            return false;
        }

        var file = Path.GetRelativePath(projectDirectory, tree.FilePath).Replace(Path.DirectorySeparatorChar, '/');
        var method = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.ValueText;
        var isGraphRule = string.CompareOrdinal(diagnostic.Id, "FLUX001") >= 0 && string.CompareOrdinal(diagnostic.Id, "FLUX010") <= 0;
        return s_intended.Any(intended =>
            intended.File == file
            && (intended.Method is null || intended.Method == method)
            && (intended.Id is null ? isGraphRule : intended.Id == diagnostic.Id));
    }

    /// <summary>A Flux diagnostic of any severity, a compiler error, or a generator or analyzer that threw.</summary>
    private static bool IsProblem(Diagnostic diagnostic) =>
        diagnostic.Id.StartsWith("FLUX", StringComparison.Ordinal)
        || diagnostic.Severity == DiagnosticSeverity.Error
        || diagnostic.Id is "CS8784" or "CS8785" or "AD0001";

    /// <summary>Every <c>.cs</c> file of the project, as the SDK's default globbing finds them (build output excluded).</summary>
    private static List<string> SourceFiles(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(file =>
            {
                var relative = Path.GetRelativePath(projectDirectory, file).Split(Path.DirectorySeparatorChar);
                return relative[0] is not ("obj" or "bin");
            })
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The SDK's implicit usings plus the <c>&lt;Using Include="..."/&gt;</c> items of the project and the Directory.Build.props above it.</summary>
    private static string GlobalUsings(string projectDirectory)
    {
        var files = Directory.EnumerateFiles(projectDirectory, "*.csproj").ToList();
        for (var directory = new DirectoryInfo(projectDirectory); directory is not null; directory = directory.Parent)
        {
            var props = Path.Combine(directory.FullName, "Directory.Build.props");
            if (File.Exists(props))
            {
                files.Add(props);
            }

            if (string.Equals(directory.FullName.TrimEnd(Path.DirectorySeparatorChar), RepositoryPaths.Root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                break;
            }
        }

        var usings = s_sdkImplicitUsings.Concat(
            files.SelectMany(file => XDocument.Load(file).Descendants("Using"))
                .Select(item => (string?)item.Attribute("Include"))
                .OfType<string>());
        return string.Concat(usings.Distinct().Select(u => "global using global::" + u + ";\n"));
    }

    /// <summary>Every incremental generator of Flux.Generators, found by reflection so that a new one is covered too.</summary>
    private static IEnumerable<ISourceGenerator> FluxGenerators() =>
        typeof(FluxGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator());

    /// <summary>Every analyzer Flux.Analyzers exports.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> FluxAnalyzers() =>
        typeof(FluxAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>
    /// Microsoft.Extensions.TimeProvider.Testing, which the runtime's tests use and this project does not reference: the
    /// copy restored for them, from the NuGet package folder at the version Directory.Packages.props pins.
    /// </summary>
    private static string TimeProviderTestingAssembly()
    {
        const string Package = "Microsoft.Extensions.TimeProvider.Testing";
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == Package);
        if (loaded is not null)
        {
            return loaded.Location;
        }

        var version = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == Package)
            .Attribute("Version")!.Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var library = Path.Combine(packages, Package.ToLowerInvariant(), version, "lib");
        var path = new[] { "net10.0", "net9.0", "net8.0" }
            .Select(framework => Path.Combine(library, framework, Package + ".dll"))
            .FirstOrDefault(File.Exists);
        Assert.That(path, Is.Not.Null, Package + " " + version + " is not restored under " + library + ": restore tests/Flux.Runtime.Tests first");
        return path!;
    }
}
