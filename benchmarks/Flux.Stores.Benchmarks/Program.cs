using System.Diagnostics;
using BenchmarkDotNet.Running;
using Flux.Stores.Benchmarks;

// The PostgreSQL benchmarks need a server: FLUX_POSTGRES, or one started here with the repository's script (the
// benchmark processes BenchmarkDotNet launches inherit the variable) and stopped at the end.
string? startedIn = null;
if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("FLUX_POSTGRES")))
{
    startedIn = Path.Combine("/tmp", $"flux-postgres-bench-{Environment.ProcessId}");
    Environment.SetEnvironmentVariable("FLUX_POSTGRES", Script("start", startedIn).Trim());
}

try
{
    BenchmarkSwitcher.FromAssembly(typeof(SqliteAppendBenchmarks).Assembly).Run(args);
}
finally
{
    if (startedIn is not null)
    {
        Script("stop", startedIn);
        Directory.Delete(startedIn, recursive: true);
    }
}

static string Script(string verb, string folder)
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
