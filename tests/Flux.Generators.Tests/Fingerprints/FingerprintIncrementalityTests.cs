using Flux.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Flux.Generators.Tests.Fingerprints;

/// <summary>An argument type's members are part of its task's model: editing them regenerates the task, nothing else does.</summary>
public sealed class FingerprintIncrementalityTests
{
    private const string Types = """
        namespace Demo;

        public sealed record Customer(string Id, string Name);

        public sealed record Unrelated(int Value);
        """;

    private const string Tasks = """
        namespace Demo;

        public static partial class Pricing
        {
            [Task] public static decimal Price(Customer customer, int quantity) => 0m;
        }
        """;

    private static IEnumerable<IncrementalStepRunReason> StepReasons(GeneratorRun run, string step) =>
        run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Test]
    public void Adding_a_member_to_an_argument_type_regenerates_the_task_that_takes_it()
    {
        var first = GeneratorHarness.Run([Types, Tasks]);
        var edited = GeneratorHarness.RunOn(first.Driver, GeneratorHarness.WithEditedSource(
            first, Types.Replace("record Customer(string Id, string Name)", "record Customer(string Id, string Name, string Region)", StringComparison.Ordinal)));

        Assert.That(StepReasons(edited, TrackingNames.Types), Does.Contain(IncrementalStepRunReason.Modified));
        Assert.That(edited.Sources["Demo.Pricing.g.cs"], Does.Contain("writer.WriteName(\"Region\");"));
        Assert.That(StepReasons(edited, TrackingNames.Catalog), Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.All.EqualTo(IncrementalStepRunReason.Unchanged));
    }

    [Test]
    public void Editing_a_type_no_task_takes_reuses_every_step()
    {
        var first = GeneratorHarness.Run([Types, Tasks]);
        var edited = GeneratorHarness.RunOn(first.Driver, GeneratorHarness.WithEditedSource(
            first, Types.Replace("record Unrelated(int Value)", "record Unrelated(int Value, string Other)", StringComparison.Ordinal)));

        GeneratorHarness.AssertAllStepsReused(edited.Result);
        Assert.That(edited.Sources, Is.EqualTo(first.Sources));
    }

    [Test]
    public void Reordering_an_argument_type_s_members_changes_nothing()
    {
        var first = GeneratorHarness.Run([Types, Tasks]);
        var edited = GeneratorHarness.RunOn(first.Driver, GeneratorHarness.WithEditedSource(
            first, Types.Replace("record Customer(string Id, string Name)", "record Customer(string Name, string Id)", StringComparison.Ordinal)));

        GeneratorHarness.AssertAllStepsReused(edited.Result);
        Assert.That(edited.Sources, Is.EqualTo(first.Sources));
    }
}
