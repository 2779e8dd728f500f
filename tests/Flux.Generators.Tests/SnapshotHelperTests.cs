using Flux.Generators.Tests.Infrastructure;

namespace Flux.Generators.Tests;

/// <summary>The in-repo snapshot helper itself: it fails on a difference, writes the received file, and never accepts in CI.</summary>
[NonParallelizable]
public sealed class SnapshotHelperTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("flux-snapshots-").FullName;

    [TearDown]
    public void DeleteRoot()
    {
        Environment.SetEnvironmentVariable("FLUX_ACCEPT_SNAPSHOTS", null);
        Directory.Delete(_root, recursive: true);
    }

    private static GeneratorRun Sample() =>
        GeneratorHarness.Run("namespace Demo; public static partial class A { [Task] public static int One(int x) => x; }");

    private string FakeTestFile => Path.Combine(_root, "FakeTests.cs");

    private string Directory_ => Path.Combine(_root, "Snapshots", nameof(SnapshotHelperTests), "Case");

    [Test]
    public void MissingSnapshotsFailAndWriteReceivedFiles()
    {
        var error = Assert.Throws<AssertionException>(() => Snapshot.Match(Sample(), FakeTestFile, "Case"));
        Assert.That(error!.Message, Does.Contain("Demo.A.g: was generated but has no snapshot"));
        Assert.That(File.Exists(Path.Combine(Directory_, "Demo.A.g.received.cs")), Is.True);
    }

    [Test]
    public void ADifferenceNamesTheFirstDifferingLine()
    {
        // Accept once, as a developer does locally; CI=true would refuse it, so this test sets its own environment.
        var previousCi = Environment.GetEnvironmentVariable("CI");
        try
        {
            Environment.SetEnvironmentVariable("CI", null);
            Environment.SetEnvironmentVariable("FLUX_ACCEPT_SNAPSHOTS", "1");
            Snapshot.Match(Sample(), FakeTestFile, "Case");
        }
        finally
        {
            Environment.SetEnvironmentVariable("FLUX_ACCEPT_SNAPSHOTS", null);
            Environment.SetEnvironmentVariable("CI", previousCi);
        }

        var verified = Path.Combine(Directory_, "Demo.A.g.verified.cs");
        Assert.That(File.ReadAllText(verified), Does.Contain("\"%VERSION%\""), "the version is scrubbed");

        File.WriteAllText(verified, File.ReadAllText(verified).Replace("OneTask", "TwoTask", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(Directory_, "Stale.verified.cs"), "// stale");
        var error = Assert.Throws<AssertionException>(() => Snapshot.Match(Sample(), FakeTestFile, "Case"));
        Assert.That(error!.Message, Does.Contain("line ").And.Contain("expected:").And.Contain("Stale: has a snapshot but was not generated"));
    }

    [Test]
    public void AcceptingIsRefusedInCi()
    {
        var previous = Environment.GetEnvironmentVariable("CI");
        try
        {
            Environment.SetEnvironmentVariable("CI", "true");
            Environment.SetEnvironmentVariable("FLUX_ACCEPT_SNAPSHOTS", "1");
            var error = Assert.Throws<AssertionException>(() => Snapshot.Match(Sample(), FakeTestFile, "Case"));
            Assert.That(error!.Message, Does.Contain("refused"));
            Assert.That(Directory.Exists(Directory_), Is.False);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", previous);
        }
    }
}
