using System.Runtime.CompilerServices;
using System.Text;

namespace Flux;

/// <summary>
/// One run of <c>MapStream</c>: a bounded window of calls in flight, results yielded in input order. It is a Map for
/// ids (item k is <c>map:T[k]</c>), but its calls, and the calls their bodies make, are not recorded: a log that kept
/// events per item would grow with the input, which the streaming form exists to avoid. The first failure cancels the
/// calls in flight and the source's enumeration at once and is thrown, even while an earlier, slower item is awaited.
/// </summary>
internal sealed class MapStream<TArguments, TResult> : PatternScope
{
    private readonly TaskHandle<TArguments, TResult> _handle;

    private MapStream(TaskHandle<TArguments, TResult> handle, TimeSpan? timeout, CancellationToken cancellationToken)
        : base(Current, ScopeKey.Child(ScopeKind.Map, handle.NameKey), records: false, timeout, cancellationToken)
    {
        _handle = handle;
    }

    private string Description => $"Map of task '{_handle.Name}'";

    public static async IAsyncEnumerable<TResult> RunAsync(
        TaskHandle<TArguments, TResult> handle,
        IAsyncEnumerable<TArguments> items,
        BatchOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stream = new MapStream<TArguments, TResult>(handle, options.Timeout, cancellationToken);
        var window = options.MaxConcurrency ?? BatchRunner.DefaultConcurrency(handle);
        var running = new Queue<Task<TResult>>(Math.Min(window, 1024));
        var source = items.GetAsyncEnumerator(stream.Token);
        var index = 0;
        try
        {
            while (true)
            {
                if (running.Count == window)
                {
                    yield return await stream.NextAsync(running.Dequeue()).ConfigureAwait(false);
                }

                if (!await stream.MoveNextAsync(source).ConfigureAwait(false))
                {
                    break;
                }

                running.Enqueue(stream.RunItemAsync(source.Current, index++));
            }

            while (running.Count > 0)
            {
                yield return await stream.NextAsync(running.Dequeue()).ConfigureAwait(false);
            }
        }
        finally
        {
            // The consumer stopped, or an item failed: cancel what is in flight and wait until it stopped.
            if (running.Count > 0)
            {
                stream.CancelRemaining();
                foreach (var task in running)
                {
                    await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }

            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override void AppendPrefix(StringBuilder text) =>
        throw new InvalidOperationException("A streaming map is never the ambient scope: its calls are in its slots.");

    public override void AppendSlotPrefix(StringBuilder text, int slot)
    {
        AppendRunPrefix(text, "map:", _handle.Name);
        AppendItemIndex(text, slot);
    }

    private async Task<TResult> RunItemAsync(TArguments item, int index)
    {
        try
        {
            var started = TaskInvoker.Start(_handle, item, this, index, Token, linked: null);
            if (!started.Running.IsCompleted)
            {
                await started.WhenCompleted();
            }

            return started.GetResult();
        }
        catch (Exception error) when (!IsCancellation(error))
        {
            // Fail fast: cancel the other items (and the source) now, not when the consumer reaches this one.
            TryFail(error);
            throw;
        }
    }

    /// <summary>The result of the item at the head of the window; the first failure instead, if one stopped the run.</summary>
    private async ValueTask<TResult> NextAsync(Task<TResult> head)
    {
        try
        {
            return await head.ConfigureAwait(false);
        }
        catch (Exception error) when (IsCancellation(error) || HasFailed)
        {
            ThrowStopped(Description);
            throw;
        }
    }

    private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<TArguments> source)
    {
        try
        {
            return await source.MoveNextAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException error) when (IsCancellation(error))
        {
            ThrowStopped(Description);
            throw;
        }
    }
}
