using Flux.Shared.Diagnostics;
using System.Composition;
using System.Reflection;
using Flux.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers.Tests;

/// <summary>
/// The rule catalog stays consistent: every ID has a descriptor, a release-tracking line and a documentation page,
/// every exported analyzer and fixer follows the template.
/// </summary>
public sealed class DiagnosticCatalogTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(FluxAnalyzer).Assembly;
    private static readonly Assembly CodeFixAssembly = typeof(AddPartialCodeFixProvider).Assembly;

    private static IReadOnlyList<string> AllIds() =>
        typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    private static IReadOnlyList<DiagnosticDescriptor> AllDescriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    private static IReadOnlyList<Type> ExportedAnalyzerTypes() =>
        AnalyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .ToList();

    private static IReadOnlyList<DiagnosticDescriptor> ExportedDescriptors() =>
        ExportedAnalyzerTypes()
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .ToList();

    [Test]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = AllIds();
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Has.All.Matches("^FLUX[0-9]{3}$"));
        Assert.That(ids, Is.SupersetOf(new[]
        {
            "FLUX001", "FLUX002", "FLUX003", "FLUX004", "FLUX005", "FLUX006", "FLUX007", "FLUX008", "FLUX009", "FLUX010",
            "FLUX101", "FLUX102", "FLUX103", "FLUX104", "FLUX105", "FLUX106", "FLUX107", "FLUX301", "FLUX302",
        }));
    }

    [Test]
    public void Every_id_has_exactly_one_descriptor_and_every_descriptor_a_known_id()
    {
        var descriptorIds = AllDescriptors().Select(d => d.Id).ToList();
        Assert.That(descriptorIds, Is.Unique);
        Assert.That(descriptorIds, Is.EquivalentTo(AllIds()));
    }

    [Test]
    public void Every_id_has_a_documentation_page_with_a_wrong_and_a_right_example()
    {
        foreach (var id in AllIds())
        {
            var page = Path.Combine(RepositoryPaths.DiagnosticsDocs, id + ".md");
            Assert.That(File.Exists(page), Is.True, $"missing page {page}");
            var text = File.ReadAllText(page);
            Assert.That(text, Does.StartWith("# " + id + ": "), page);
            Assert.That(text, Does.Contain("## What it catches").And.Contain("## Wrong").And.Contain("## Right").And.Contain("## How to fix"), page);
        }
    }

    [Test]
    public void Every_documentation_page_belongs_to_an_id()
    {
        var pages = Directory.GetFiles(RepositoryPaths.DiagnosticsDocs, "FLUX*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.That(pages, Is.SubsetOf(AllIds()));
    }

    [Test]
    public void Every_exported_analyzer_follows_the_template()
    {
        var types = ExportedAnalyzerTypes();
        Assert.That(types, Is.Not.Empty);
        foreach (var type in types)
        {
            Assert.That(type.IsSealed, Is.True, type.Name + " must be sealed");
            Assert.That(type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages, Is.EqualTo(new[] { LanguageNames.CSharp }), type.Name);
            Assert.That(typeof(FluxAnalyzer).IsAssignableFrom(type), Is.True, type.Name + " must derive from FluxAnalyzer");
        }
    }

    [Test]
    public void Every_exported_descriptor_links_to_its_page_in_the_repository()
    {
        var descriptors = ExportedDescriptors().Concat(AllDescriptors()).ToList();
        Assert.That(ExportedDescriptors(), Is.Not.Empty);
        foreach (var descriptor in descriptors)
        {
            Assert.That(descriptor.HelpLinkUri, Does.StartWith("https://github.com/flux-dotnet/flux/blob/main/"), descriptor.Id);
            Assert.That(descriptor.HelpLinkUri, Does.EndWith("docs/diagnostics/" + descriptor.Id + ".md"), descriptor.Id);
            var relative = descriptor.HelpLinkUri.Substring("https://github.com/flux-dotnet/flux/blob/main/".Length);
            Assert.That(File.Exists(Path.Combine(RepositoryPaths.Root, relative)), Is.True, descriptor.HelpLinkUri);
        }
    }

    [Test]
    public void Every_descriptor_is_listed_in_release_tracking_with_its_category_and_severity()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "Flux.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "Flux.Analyzers", "AnalyzerReleases.Shipped.md")))
            .Where(l => l.StartsWith("FLUX", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(c => c[0]);
        foreach (var descriptor in AllDescriptors())
        {
            Assert.That(lines.ContainsKey(descriptor.Id), Is.True, descriptor.Id + " is not in AnalyzerReleases");
            Assert.That(lines[descriptor.Id][1], Is.EqualTo(descriptor.Category), descriptor.Id);
            Assert.That(lines[descriptor.Id][2], Is.EqualTo(descriptor.DefaultSeverity.ToString()), descriptor.Id);
            Assert.That(lines[descriptor.Id][3], Is.Not.Empty, descriptor.Id + " needs a note");
        }
    }

    [Test]
    public void Messages_name_the_fix()
    {
        foreach (var descriptor in AllDescriptors())
        {
            var message = descriptor.MessageFormat.ToString();
            Assert.That(message, Does.Contain(":"), descriptor.Id + ": a message says what is wrong, then the fix after a colon");
            Assert.That(message, Does.Not.EndWith("."), descriptor.Id);
        }
    }

    [Test]
    public void Every_code_fix_provider_follows_the_template()
    {
        var types = CodeFixAssembly.GetTypes().Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t)).ToList();
        Assert.That(types, Is.Not.Empty);
        var ids = AllIds();
        foreach (var type in types)
        {
            Assert.That(type.IsSealed, Is.True, type.Name);
            Assert.That(type.GetCustomAttribute<ExportCodeFixProviderAttribute>()?.Languages, Is.EqualTo(new[] { LanguageNames.CSharp }), type.Name);
            Assert.That(type.GetCustomAttribute<SharedAttribute>(), Is.Not.Null, type.Name);
            var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.That(provider.GetFixAllProvider(), Is.SameAs(WellKnownFixAllProviders.BatchFixer), type.Name);
            Assert.That(provider.FixableDiagnosticIds, Is.Not.Empty.And.SubsetOf(ids), type.Name);
        }
    }
}
