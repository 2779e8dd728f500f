using BenchmarkDotNet.Running;
using Flux.Benchmarks.Shared;
using Flux.Orleans.Benchmarks;

// The cluster's Map against one process. The PostgreSQL scenarios need a server: FLUX_POSTGRES, or one started here
// with the repository's script (BenchmarkDotNet's child processes inherit the variable) and stopped at the end.
//
//   dotnet run -c Release -- --filter '*ClusterMap*'          BenchmarkDotNet: per item, ratio to one process on SQLite
//   dotnet run -c Release -- cluster-figures 100000           each scenario once: per item, commits per second
using (BenchmarkPostgres.StartUnlessConfigured("orleans-bench"))
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
