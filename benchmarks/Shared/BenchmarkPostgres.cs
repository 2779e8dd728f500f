using System.Diagnostics;

namespace Flux.Benchmarks.Shared;

/// <summary>
/// The PostgreSQL server a benchmark program runs on: the one <c>FLUX_POSTGRES</c> names, or else one started with the
/// repository's scripts/postgres.sh in a folder of its own under /tmp (BenchmarkDotNet's child processes inherit the
/// variable) and stopped, and its folder deleted, when this is disposed. Linked into each benchmark program that needs it.
/// </summary>
internal sealed class BenchmarkPostgres : IDisposable
{
    private readonly string? _startedIn;

    private BenchmarkPostgres(string? startedIn) => _startedIn = startedIn;

    /// <summary>Uses <c>FLUX_POSTGRES</c> when set; otherwise starts a server in /tmp/flux-postgres-<paramref name="name"/>-&lt;pid&gt; and sets the variable.</summary>
    public static BenchmarkPostgres StartUnlessConfigured(string name)
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("FLUX_POSTGRES")))
        {
            return new BenchmarkPostgres(null);
        }

        var folder = Path.Combine("/tmp", $"flux-postgres-{name}-{Environment.ProcessId}");
        Environment.SetEnvironmentVariable("FLUX_POSTGRES", Script("start", folder).Trim());
        return new BenchmarkPostgres(folder);
    }

    /// <summary>Stops the server this started, if any.</summary>
    public void Dispose()
    {
        if (_startedIn is not null)
        {
            Script("stop", _startedIn);
            Directory.Delete(_startedIn, recursive: true);
        }
    }

    private static string Script(string verb, string folder)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "scripts", "postgres.sh")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("scripts/postgres.sh was not found above " + AppContext.BaseDirectory);
        }

        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "postgres.sh"), verb, folder]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"scripts/postgres.sh {verb} failed ({process.ExitCode})");
    }
}
