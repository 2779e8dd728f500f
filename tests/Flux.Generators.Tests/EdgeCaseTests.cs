using System.Reflection;
using Flux.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Generators.Tests;

/// <summary>Naming, determinism and the catalog's edges.</summary>
public sealed class EdgeCaseTests
{
    [Test]
    public void EveryNamedStepRuns()
    {
        // A declarative graph too, for the catalog's declarative steps.
        const string declarative = """
            namespace Demo;
            public static partial class Declared { [Workflow] public static partial Task<string> Hello(ExecutionContext<string> context); }
            """;
        var run = GeneratorHarness.Run([GeneratorSnapshotTests.GreetingsSource, declarative]);
        var names = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
            .Select(f => (string)f.GetValue(null)!);
        Assert.That(run.Result.TrackedSteps.Keys, Is.SupersetOf(names));
    }

    [Test]
    public void OutputDoesNotDependOnTheOrderOfFiles()
    {
        const string a = "namespace Demo; public static partial class A { [Task] public static int One(int x) => x; }";
        const string b = "namespace Demo; public static partial class B { [Workflow] public static int Two(ExecutionContext<int> c) => c.Input; }";
        var forward = GeneratorHarness.Run([a, b]);
        var backward = GeneratorHarness.Run([b, a]);
        Assert.That(backward.Sources, Is.EqualTo(forward.Sources));
    }

    [Test]
    public void ClashingHintNamesAreMadeUnique()
    {
        var run = GeneratorHarness.Run("""
            namespace Demo;
            public partial class Box<T> { [Task] public static T One(T x) => x; }
            public partial class Box_1 { [Task] public static int Two(int x) => x; }
            public static partial class FluxCatalog { [Task] public static int Three(int x) => x; }
            """);
        Assert.That(run.Sources.Keys, Is.EquivalentTo(new[] { "Demo.Box_1.g.cs", "Demo.Box_1_2.g.cs", "Demo.FluxCatalog.g.cs", "FluxCatalog.g.cs" }));
    }

    [Test]
    public void CatalogNamespaceIsTheSanitizedAssemblyName()
    {
        var run = GeneratorHarness.Run("namespace Demo; public static partial class A { [Task] public static int One(int x) => x; }");
        var renamed = GeneratorHarness.RunOn(GeneratorHarness.CreateDriver(), run.Input.WithAssemblyName("2nd-App.class.Tools"));
        Assert.That(renamed.Sources["FluxCatalog.g.cs"], Does.Contain("namespace _2nd_App.@class.Tools;"));
        GeneratorHarness.AssertCompiles(renamed);
    }

    [Test]
    public void NoCatalogWithoutTasksOrWorkflows()
    {
        var run = GeneratorHarness.Run("namespace Demo; public static partial class A { public static int One(int x) => x; }");
        Assert.That(run.Sources, Is.Empty);
    }

    [Test]
    public void InstanceOnlyAssemblyListsNamesButNoHandles()
    {
        var run = GeneratorHarness.Run("namespace Demo; public partial class A { [Task] public int One(int x) => x; }");
        var catalog = run.Sources["FluxCatalog.g.cs"];
        Assert.That(catalog, Does.Contain("\"One\"").And.Contain("Tasks { get; } = global::System.Array.Empty<global::Flux.TaskHandle>();"));
    }

    [Test]
    public void NullableObliviousCodeCompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run("""
            #nullable disable
            namespace Demo;
            public static partial class Legacy
            {
                [Task] public static string Echo(string text, object state) => text;
                [Workflow] public static string Flow(ExecutionContext<string> context) => context.Input;
            }
            """);
        Assert.That(run.AllText, Does.Contain("acceptsNullInput: true"), "an oblivious reference type may be null");
    }

    [Test]
    public void ReservedTupleNamesFallBackToItemN()
    {
        var run = GeneratorHarness.Run("""
            namespace Demo;
            public static partial class Odd
            {
                [Task] public static int Reserved(int Rest, int Item1, int ToString) => Rest;
                [Task] public static int Positional(int Item2, int Item1) => Item1;
            }
            """);
        Assert.That(run.AllText, Does.Contain("TaskHandle<(int Item1, int Item2, int Item3), int>").And.Contain("global::Demo.Odd.Positional(args.Item1, args.Item2)"));
    }

    [Test]
    public void APartialClassSplitOverFilesGetsOneFile()
    {
        var run = GeneratorHarness.Run(
        [
            "namespace Demo; public static partial class Split { [Task] public static int One(int x) => x; }",
            "namespace Demo; public static partial class Split { [Task] public static int Two(int x) => x; static int OneFallback(int x) => 0; }",
        ]);
        Assert.That(run.Sources.Keys, Is.EquivalentTo(new[] { "Demo.Split.g.cs", "FluxCatalog.g.cs" }));
        Assert.That(run.Sources["Demo.Split.g.cs"], Does.Contain("OneTask").And.Contain("TwoTask"));
    }

    [Test]
    public void APartialWorkflowWithABodyIsAnOrdinaryWorkflow()
    {
        var run = GeneratorHarness.Run("""
            namespace Demo;
            public static partial class Flows
            {
                [Workflow] public static partial Task<int> Count(ExecutionContext<int> context);
                public static partial Task<int> Count(ExecutionContext<int> context) => Task.FromResult(context.Input);
            }
            """);
        Assert.That(run.AllText, Does.Contain("public static global::Flux.WorkflowHandle<int, int> CountWorkflow"));
    }
}
