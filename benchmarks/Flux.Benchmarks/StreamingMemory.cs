using System.Diagnostics;

namespace Flux.Benchmarks;

/// <summary>Streams a million items through MapStream and reports the process's peak working set.</summary>
public static class StreamingMemory
{
    public static async Task RunAsync(int count, TextWriter output)
    {
        var stopwatch = Stopwatch.StartNew();
        var checksum = await BenchTasks.InWorkflow(async () =>
        {
            long sum = 0;
            await foreach (var value in BenchTasks.AddOneYieldingTask.MapStream(Numbers(count)))
            {
                sum += value;
            }

            return sum;
        });
        stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        await output.WriteLineAsync(
            $"streamed {count:N0} items in {stopwatch.Elapsed.TotalSeconds:F2} s; checksum {checksum}; " +
            $"peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0):F1} MB; GC heap now {GC.GetTotalMemory(false) / (1024.0 * 1024.0):F1} MB");
    }

    private static IEnumerable<int> Numbers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }
    }
}
