namespace Flux;

/// <summary>How Flux links and cancels tokens, in one place: explicit tokens join a scope's token, and a throwing cancellation callback never hides a failure.</summary>
internal static class Cancellations
{
    /// <summary>
    /// The token of work started in a scope whose token is <paramref name="scopeToken"/> with the caller's
    /// <paramref name="explicitToken"/>: an explicit token links to the scope's token instead of replacing it. A linked
    /// source is made only when both can cancel and differ; the caller disposes it when the work ends.
    /// </summary>
    public static CancellationToken Link(CancellationToken scopeToken, CancellationToken explicitToken, out CancellationTokenSource? linked)
    {
        linked = null;
        if (!explicitToken.CanBeCanceled || explicitToken == scopeToken)
        {
            return scopeToken;
        }

        if (!scopeToken.CanBeCanceled)
        {
            return explicitToken;
        }

        linked = CancellationTokenSource.CreateLinkedTokenSource(scopeToken, explicitToken);
        return linked.Token;
    }

    /// <summary>Cancels <paramref name="source"/>, running every callback; returns the exception of the callbacks that threw, instead of throwing it.</summary>
    public static Exception? Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
            return null;
        }
        catch (AggregateException error)
        {
            return error.InnerExceptions.Count == 1 ? error.InnerExceptions[0] : error;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>Keeps a cancellation callback's exception with the failure that is thrown (see <see cref="FluxException.CancellationCallbackErrorKey"/>).</summary>
    public static void Attach(Exception failure, Exception? callbackError)
    {
        if (callbackError is not null)
        {
            failure.Data[FluxException.CancellationCallbackErrorKey] = callbackError;
        }
    }
}
