using BenchmarkDotNet.Running;
using Flux.Benchmarks.Shared;
using Flux.Stores.Benchmarks;

// The PostgreSQL benchmarks need a server: FLUX_POSTGRES, or one started here with the repository's script (the
// benchmark processes BenchmarkDotNet launches inherit the variable) and stopped at the end.
using (BenchmarkPostgres.StartUnlessConfigured("bench"))
{
    BenchmarkSwitcher.FromAssembly(typeof(SqliteAppendBenchmarks).Assembly).Run(args);
}
