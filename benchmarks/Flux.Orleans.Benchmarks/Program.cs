using System.Diagnostics;
using BenchmarkDotNet.Running;
using Flux.Orleans.Benchmarks;

// The cluster's Map against one process. The PostgreSQL scenarios need a server: FLUX_POSTGRES, or one started here
// with the repository's script (BenchmarkDotNet's child processes inherit the variable) and stopped at the end.
//
//   dotnet run -c Release -- --filter '*ClusterMap*'          BenchmarkDotNet: per item, ratio to one process on SQLite
//   dotnet run -c Release -- cluster-figures 100000           each scenario once: per item, commits per second
string? startedIn = null;
if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("FLUX_POSTGRES")))
{
    startedIn = Path.Combine("/tmp", $"flux-postgres-orleans-bench-{Environment.ProcessId}");
    Environment.SetEnvironmentVariable("FLUX_POSTGRES", Script("start", startedIn).Trim());
}

try
{
    if (args is ["cluster-figures", ..])
    {
        await ClusterFigures.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000, Console.Out);
    }
    else
    {
        BenchmarkSwitcher.FromAssembly(typeof(ClusterMapBenchmarks).Assembly).Run(args);
    }
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
