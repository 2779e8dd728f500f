using System.Collections.Concurrent;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Flux.CommandLine;

/// <summary>
/// Draws a live progress bar per Map or Parallel of the executions the command runs: items done of total, rate and
/// time left. The runtime reports a batch's progress only to an observer that is set, so a run without a terminal
/// (no display, no observer) pays nothing; this observer only stores the latest count, and the bars are drawn from it
/// on the display's own refresh.
/// </summary>
internal sealed class ProgressDisplay : IExecutionObserver
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<string, BatchProgress> _latest = new(StringComparer.Ordinal);
    private readonly IAnsiConsole _console;

    public ProgressDisplay(IAnsiConsole console) => _console = console;

    public void OnEvent(ExecutionContext execution, long sequence, ExecutionEvent executionEvent)
    {
    }

    public void OnProgress(ExecutionContext execution, BatchProgress progress) =>
        _latest.AddOrUpdate(
            $"{execution.ExecutionId}\n{progress.Batch}",
            static (_, next) => next,
            static (_, current, next) => next.Done > current.Done ? next : current,
            progress);

    /// <summary>Draws the bars while <paramref name="work"/> runs and returns its result once the last frame is drawn.</summary>
    public async Task<T> ShowWhileAsync<T>(Func<Task<T>> work)
    {
        return await _console.Progress()
            .AutoClear(false)
            .AutoRefresh(true)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new CountColumn(),
                new PercentageColumn(),
                new RateColumn(),
                new RemainingTimeColumn())
            .StartAsync(async display =>
            {
                var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var running = work();
                while (!running.IsCompleted)
                {
                    Update(display, bars);
                    await Task.WhenAny(running, Task.Delay(Refresh)).ConfigureAwait(false);
                }

                Update(display, bars);
                return await running.ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    private void Update(ProgressContext display, Dictionary<string, ProgressTask> bars)
    {
        foreach (var (key, progress) in _latest)
        {
            if (!bars.TryGetValue(key, out var bar))
            {
                var label = progress.Batch;
                bar = display.AddTask(Markup.Escape(label), autoStart: true, maxValue: progress.Total);
                bars.Add(key, bar);
            }

            bar.Value = progress.Done;
            if (progress.Done >= progress.Total)
            {
                bar.StopTask();
            }
        }

        display.Refresh();
    }

    /// <summary>Items done of total: <c>7/10</c>.</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{task.Value:0}/{task.MaxValue:0}");
    }

    /// <summary>Items a second, from the display's samples of the count.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{speed:0.0}/s" : "-/s");
    }
}
