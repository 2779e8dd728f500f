using System.Diagnostics;

namespace Flux.Orleans.Benchmarks;

/// <summary>
/// Runs the Map once per scenario (after a warm-up of a tenth of it) and prints what BenchmarkDotNet does not: the
/// database commits it took, per second and per append.
/// </summary>
internal static class ClusterFigures
{
    public static async Task RunAsync(int items, TextWriter output)
    {
        await output.WriteLineAsync($"A durable Map of {items:N0} trivial items; {Environment.ProcessorCount} cores shared by every silo of this process.");
        await output.WriteLineAsync("| scenario | time | per item | items/s | commits | commits/s | events per commit |");
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var start in new Func<Task<Scenario>>[]
        {
            () => Task.FromResult(Scenario.Sqlite()),
            () => Task.FromResult(Scenario.Postgres()),
            () => Scenario.ClusterAsync(1),
            () => Scenario.ClusterAsync(2),
        })
        {
            await using var scenario = await start();
            await scenario.RunAsync(Math.Max(items / 10, 1));
            var (commits, events) = (scenario.Commits, scenario.Events);
            var clock = Stopwatch.StartNew();
            await scenario.RunAsync(items);
            var elapsed = clock.Elapsed;
            var (runCommits, runEvents) = (scenario.Commits - commits, scenario.Events - events);
            await output.WriteLineAsync(
                $"| {scenario.Name} | {elapsed.TotalSeconds:F1} s | {elapsed.TotalMicroseconds / items:F1} µs | {items / elapsed.TotalSeconds:N0} | " +
                $"{runCommits:N0} | {runCommits / elapsed.TotalSeconds:N0} | {(runCommits == 0 ? 0 : (double)runEvents / runCommits):F1} |");
        }
    }
}
