using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Flux.Benchmarks;

/// <summary>
/// What traces and metrics cost per task call: 1000 calls per workflow run against a direct await of the same method,
/// with nobody listening to the <c>Flux</c> ActivitySource and Meter (the target: nothing measurable), and with a
/// listener that records every span and every measurement (what an app with OpenTelemetry pays).
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private const int Calls = 1000;
    private ActivityListener? _spans;
    private MeterListener? _measurements;

    [GlobalSetup(Target = nameof(FluxTaskCallTraced))]
    public void Listen()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Flux",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_spans);
        _measurements = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Flux")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _measurements.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _measurements.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _measurements.Start();
    }

    [GlobalCleanup(Target = nameof(FluxTaskCallTraced))]
    public void StopListening()
    {
        _spans?.Dispose();
        _measurements?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public async Task<int> DirectAwait()
    {
        var x = 0;
        for (var i = 0; i < Calls; i++)
        {
            x = await BenchTasks.Direct.AddOne(x);
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public Task<int> FluxTaskCall() => Run();

    [Benchmark(OperationsPerInvoke = Calls)]
    public Task<int> FluxTaskCallTraced() => Run();

    private static Task<int> Run() => BenchTasks.InWorkflow(async () =>
    {
        var x = 0;
        for (var i = 0; i < Calls; i++)
        {
            x = await BenchTasks.AddOneTask.Call(x);
        }

        return x;
    });
}
