using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Flux.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated files with checked-in snapshots, with Verify's conventions: the files live in
/// <c>Snapshots/{TestClass}/{TestMethod}/{HintName}.verified.cs</c> beside the test source; the set of files must match
/// exactly; a mismatch writes <c>*.received.cs</c> (git-ignored) and fails with the first differing line.
/// </summary>
/// <remarks>
/// Set <c>FLUX_ACCEPT_SNAPSHOTS=1</c> to accept the output as the new snapshots (stale ones are deleted); this is refused
/// when <c>CI=true</c>. The generator version is replaced by <see cref="VersionToken"/>, so a version bump changes no snapshot.
/// </remarks>
internal static partial class Snapshot
{
    public const string VersionToken = "%VERSION%";
    private const string VerifiedSuffix = ".verified.cs";
    private const string ReceivedSuffix = ".received.cs";

    public static void Match(GeneratorRun run, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        var testClass = TestContext.CurrentContext.Test.ClassName?.Split('.').Last() ?? Path.GetFileNameWithoutExtension(testFile);
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots", testClass, testMethod);
        var actual = run.Result.GeneratedSources.ToDictionary(
            s => FileStem(s.HintName),
            s => Normalize(s.SourceText.ToString()),
            StringComparer.Ordinal);

        if (Environment.GetEnvironmentVariable("FLUX_ACCEPT_SNAPSHOTS") == "1")
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("FLUX_ACCEPT_SNAPSHOTS is refused when CI=true: accept snapshots locally and commit them.");
            }

            Accept(directory, actual);
            return;
        }

        var verified = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*" + VerifiedSuffix).ToDictionary(
                f => Path.GetFileName(f)[..^VerifiedSuffix.Length],
                f => Normalize(File.ReadAllText(f)),
                StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (var missing in verified.Keys.Except(actual.Keys).Order(StringComparer.Ordinal))
        {
            problems.Add($"{missing}: has a snapshot but was not generated");
        }

        foreach (var (stem, text) in actual.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var receivedPath = Path.Combine(directory, stem + ReceivedSuffix);
            if (!verified.TryGetValue(stem, out var expected))
            {
                Write(receivedPath, text);
                problems.Add($"{stem}: was generated but has no snapshot (see {receivedPath})");
                continue;
            }

            if (expected == text)
            {
                if (File.Exists(receivedPath))
                {
                    File.Delete(receivedPath);
                }

                continue;
            }

            Write(receivedPath, text);
            problems.Add($"{stem}: {FirstDifference(expected, text)} (see {receivedPath})");
        }

        if (problems.Count > 0)
        {
            Assert.Fail("Generated files differ from the snapshots in " + directory + ":\n" + string.Join("\n", problems)
                + "\nIf the change is intended, run the tests with FLUX_ACCEPT_SNAPSHOTS=1 and review the diff.");
        }
    }

    private static void Accept(string directory, Dictionary<string, string> actual)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(directory))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(ReceivedSuffix, StringComparison.Ordinal)
                || (name.EndsWith(VerifiedSuffix, StringComparison.Ordinal) && !actual.ContainsKey(name[..^VerifiedSuffix.Length])))
            {
                File.Delete(file);
            }
        }

        foreach (var (stem, text) in actual)
        {
            Write(Path.Combine(directory, stem + VerifiedSuffix), text);
        }
    }

    /// <summary><c>Demo.Greetings.g.cs</c> is stored as <c>Demo.Greetings.g.verified.cs</c>.</summary>
    private static string FileStem(string hintName) =>
        hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName;

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Line endings to <c>\n</c>, the generator version to <see cref="VersionToken"/>.</summary>
    public static string Normalize(string text) =>
        VersionPattern().Replace(text.Replace("\r\n", "\n"), "GeneratedCode(\"Flux.Generators\", \"" + VersionToken + "\")");

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                return $"line {i + 1} differs\n    expected: {e}\n    actual:   {a}";
            }
        }

        return "the files differ";
    }

    [GeneratedRegex("""GeneratedCode\("Flux\.Generators", "[^"]*"\)""")]
    private static partial Regex VersionPattern();
}
