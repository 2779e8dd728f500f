using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Flux.Generated;

/// <summary>
/// One run of a declared graph (a bodiless <c>[Workflow]</c> with <c>[Node]</c>/<c>[Edge]</c> attributes), for the body
/// the generator writes: it gives that body the semantics of <see cref="Graph"/>'s runtime executor. Not for hand-written
/// code: build a <see cref="Graph"/> instead.
/// </summary>
/// <remarks>
/// <para>What a run does, and the generated body relies on:</para>
/// <list type="bullet">
/// <item><b>Ids.</b> <see cref="Open"/> opens the graph's scope in the current one (the n-th run of graph <c>G</c> in a
/// scope is <c>graph:G~n</c>), and <see cref="Run{T}"/> starts each node's call in its node's slot
/// (<c>graph:G/{node}/{call}</c>): a declared graph and the same graph built with <see cref="Graph"/> give their calls
/// the same ids.</item>
/// <item><b>Cancellation.</b> Node calls run on <see cref="CancellationToken"/>, linked to the enclosing scope's token
/// (the workflow's) and to the token given to <see cref="Open"/>.</item>
/// <item><b>Fail fast.</b> The first node that fails cancels the other running nodes, and every node's
/// <see cref="ValueTask{T}"/> that did not succeed throws that first failure, so the body throws it whichever node it
/// awaits first. No node starts after a failure.</item>
/// <item><b>Conditions.</b> <see cref="When{T}"/>, <see cref="WhenAsync{T}(string, string, string, Func{T, Task{bool}}, T)"/>
/// and <see cref="Route{T, TCase}"/> evaluate a condition or router on an upstream output; one that throws fails the run
/// with the same <see cref="GraphRunException"/> (and message) as <see cref="Graph.RunAsync{TInput, TOutput}"/>, and
/// cancels the running nodes.</item>
/// <item><b>End nodes.</b> <see cref="CheckEndNodes(bool[])"/> throws the runtime graph's <see cref="GraphRunException"/>
/// unless exactly one end node ran.</item>
/// <item><b>Nothing after the end.</b> <see cref="DisposeAsync"/> cancels the nodes still running (those the body did
/// not await, because it is leaving with an exception) and waits until they stopped.</item>
/// </list>
/// <para>The body the generator writes for <c>validate -&gt; process (when IsValid) | error (when IsInvalid)</c>:</para>
/// <code>
/// public static async partial Task&lt;string&gt; Conditional(ExecutionContext&lt;string&gt; ctx)
/// {
///     await using var graph = DeclaredGraphRun.Open("conditional_flow", s_conditionalEndNodes); // { "process", "error" }
///
///     var validate = await graph.Run("validate", ValidateTask.Call(ctx.Input)).ConfigureAwait(false);
///
///     var processRuns = graph.When("validate", "process", "IsValid", IsValid, validate);
///     var processCall = default(ValueTask&lt;string&gt;);
///     if (processRuns)
///     {
///         processCall = graph.Run("process", ProcessTask.Call(validate));
///     }
///
///     var errorRuns = graph.When("validate", "error", "IsInvalid", IsInvalid, validate);
///     var errorCall = default(ValueTask&lt;string&gt;);
///     if (errorRuns)
///     {
///         errorCall = graph.Run("error", RejectTask.Call(validate));
///     }
///
///     string process = default!;
///     if (processRuns)
///     {
///         process = await processCall.ConfigureAwait(false);
///     }
///
///     string error = default!;
///     if (errorRuns)
///     {
///         error = await errorCall.ConfigureAwait(false);
///     }
///
///     graph.CheckEndNodes(processRuns, errorRuns);
///     return processRuns ? process : error;
/// }
/// </code>
/// <para>Each node's <see cref="ValueTask{T}"/> must be awaited at most once (it may be left unawaited when the body
/// leaves with an exception: disposing the run waits for it). A run is used by one body, from one flow: it is not
/// thread-safe.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeclaredGraphRun : IAsyncDisposable
{
    private readonly GraphScope _scope;
    private readonly List<string> _nodes;
    private readonly string[] _endNodes;
    private int _running;
    private TaskCompletionSource? _drained;

    private DeclaredGraphRun(GraphScope scope, List<string> nodes, string[] endNodes)
    {
        _scope = scope;
        _nodes = nodes;
        _endNodes = endNodes;
    }

    /// <summary>The token the node calls run on: cancelled by the first failure, the caller's token or the enclosing scope's.</summary>
    public CancellationToken CancellationToken => _scope.Token;

    /// <summary>
    /// Opens a run of the graph <paramref name="graphName"/> in the current scope (the workflow body, or the body of the
    /// task that runs it).
    /// </summary>
    /// <param name="graphName">The graph's name (the workflow's name); without '/', '~', '[' or ']'.</param>
    /// <param name="endNodes">The end nodes' names, each once, in the order <c>[EndWith]</c> marks them: the order of the flags given to <see cref="CheckEndNodes(bool[])"/>. Not copied: pass an array that never changes.</param>
    /// <param name="cancellationToken">A token of the caller's, linked to the enclosing scope's token (not replacing it).</param>
    /// <exception cref="ArgumentException">The graph's name contains a character call ids reserve.</exception>
    public static DeclaredGraphRun Open(string graphName, string[] endNodes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        ArgumentNullException.ThrowIfNull(endNodes);
        CallIdNames.CheckGraph(graphName);
        var nodes = new List<string>();
        var scope = new GraphScope(graphName, ScopeKey.OfName(graphName), nodes, cancellationToken);
        return new DeclaredGraphRun(scope, nodes, endNodes);
    }

    /// <summary>
    /// Starts <paramref name="call"/> as the call of node <paramref name="node"/>, in the node's slot, on
    /// <see cref="CancellationToken"/>. If the call fails it cancels the other running nodes; if it was cancelled by
    /// another node's failure, awaiting it throws that failure. After a failure, no node starts: the result throws
    /// the first failure at once.
    /// </summary>
    /// <typeparam name="T">The node's output type.</typeparam>
    /// <param name="node">The node's name, as declared; each node runs at most once.</param>
    /// <param name="call">The node's task call, made with its inputs (e.g. <c>ProcessTask.Call(validate)</c>).</param>
    /// <returns>The node's output; await it once.</returns>
    /// <exception cref="InvalidOperationException">The node was already started in this run.</exception>
    public ValueTask<T> Run<T>(string node, TaskCall<T> call)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(call);
        int slot;
        lock (_nodes)
        {
            if (_nodes.Contains(node))
            {
                throw new InvalidOperationException($"Graph '{_scope.GraphName}': node '{node}' was already started in this run; a node runs at most once.");
            }

            CallIdNames.CheckNode(_scope.GraphName, node);
            slot = _nodes.Count;
            _nodes.Add(node);
        }

        Interlocked.Increment(ref _running);
        return RunNodeAsync(call, slot);
    }

    /// <summary>
    /// Evaluates the condition on edge <paramref name="from"/> -&gt; <paramref name="to"/> on the upstream node's output.
    /// A condition that throws fails the run with a <see cref="GraphRunException"/> naming the edge (and cancels the
    /// running nodes).
    /// </summary>
    /// <typeparam name="T">The upstream node's output type.</typeparam>
    /// <param name="from">The upstream node.</param>
    /// <param name="to">The downstream node.</param>
    /// <param name="condition">The condition's name, as diagrams label the edge (e.g. <c>"IsValid"</c>).</param>
    /// <param name="when">The condition.</param>
    /// <param name="output">The upstream node's output.</param>
    /// <returns>True when the edge is taken.</returns>
    /// <exception cref="GraphRunException">The condition threw; the exception is its inner exception.</exception>
    public bool When<T>(string from, string to, string condition, Func<T, bool> when, T output)
    {
        ArgumentNullException.ThrowIfNull(when);
        try
        {
            return when(output);
        }
        catch (Exception error)
        {
            throw Fail(GraphRunErrors.ConditionThrew(_scope.GraphName, from, to, condition, error));
        }
    }

    /// <summary>Evaluates an asynchronous condition; see <see cref="When{T}"/>.</summary>
    /// <typeparam name="T">The upstream node's output type.</typeparam>
    /// <param name="from">The upstream node.</param>
    /// <param name="to">The downstream node.</param>
    /// <param name="condition">The condition's name, as diagrams label the edge.</param>
    /// <param name="when">The condition.</param>
    /// <param name="output">The upstream node's output.</param>
    /// <returns>True when the edge is taken.</returns>
    /// <exception cref="GraphRunException">The condition threw (synchronously or not); the exception is its inner exception.</exception>
    public async ValueTask<bool> WhenAsync<T>(string from, string to, string condition, Func<T, Task<bool>> when, T output)
    {
        ArgumentNullException.ThrowIfNull(when);
        try
        {
            return await when(output).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            throw Fail(GraphRunErrors.ConditionThrew(_scope.GraphName, from, to, condition, error));
        }
    }

    /// <summary>Evaluates an asynchronous condition that returns a <see cref="ValueTask{T}"/>; see <see cref="When{T}"/>.</summary>
    /// <typeparam name="T">The upstream node's output type.</typeparam>
    /// <param name="from">The upstream node.</param>
    /// <param name="to">The downstream node.</param>
    /// <param name="condition">The condition's name, as diagrams label the edge.</param>
    /// <param name="when">The condition.</param>
    /// <param name="output">The upstream node's output.</param>
    /// <returns>True when the edge is taken.</returns>
    /// <exception cref="GraphRunException">The condition threw (synchronously or not); the exception is its inner exception.</exception>
    public async ValueTask<bool> WhenAsync<T>(string from, string to, string condition, Func<T, ValueTask<bool>> when, T output)
    {
        ArgumentNullException.ThrowIfNull(when);
        try
        {
            return await when(output).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            throw Fail(GraphRunErrors.ConditionThrew(_scope.GraphName, from, to, condition, error));
        }
    }

    /// <summary>
    /// Evaluates the router on the edges out of <paramref name="from"/> (an enum-returning method whose cases choose the
    /// edges). A router that throws fails the run with a <see cref="GraphRunException"/> naming the node and the router.
    /// </summary>
    /// <typeparam name="T">The upstream node's output type.</typeparam>
    /// <typeparam name="TCase">The router's result (an enum).</typeparam>
    /// <param name="from">The upstream node.</param>
    /// <param name="router">The router's name (e.g. <c>"Classify"</c>).</param>
    /// <param name="route">The router.</param>
    /// <param name="output">The upstream node's output.</param>
    /// <returns>The case the router chose.</returns>
    /// <exception cref="GraphRunException">The router threw; the exception is its inner exception.</exception>
    public TCase Route<T, TCase>(string from, string router, Func<T, TCase> route, T output)
    {
        ArgumentNullException.ThrowIfNull(route);
        try
        {
            return route(output);
        }
        catch (Exception error)
        {
            throw Fail(GraphRunErrors.RouterThrew(_scope.GraphName, from, router, error));
        }
    }

    /// <summary>Throws unless the one end node ran; see <see cref="CheckEndNodes(bool[])"/>.</summary>
    /// <param name="ran0">Whether the first end node ran.</param>
    /// <exception cref="GraphRunException">It did not.</exception>
    public void CheckEndNodes(bool ran0) => CheckEndNodes([ran0]);

    /// <summary>Throws unless exactly one of the two end nodes ran; see <see cref="CheckEndNodes(bool[])"/>.</summary>
    /// <param name="ran0">Whether the first end node ran.</param>
    /// <param name="ran1">Whether the second end node ran.</param>
    /// <exception cref="GraphRunException">None or both ran.</exception>
    public void CheckEndNodes(bool ran0, bool ran1) => CheckEndNodes([ran0, ran1]);

    /// <summary>Throws unless exactly one of the three end nodes ran; see <see cref="CheckEndNodes(bool[])"/>.</summary>
    /// <param name="ran0">Whether the first end node ran.</param>
    /// <param name="ran1">Whether the second end node ran.</param>
    /// <param name="ran2">Whether the third end node ran.</param>
    /// <exception cref="GraphRunException">None or several ran.</exception>
    public void CheckEndNodes(bool ran0, bool ran1, bool ran2) => CheckEndNodes([ran0, ran1, ran2]);

    /// <summary>Throws unless exactly one of the four end nodes ran; see <see cref="CheckEndNodes(bool[])"/>.</summary>
    /// <param name="ran0">Whether the first end node ran.</param>
    /// <param name="ran1">Whether the second end node ran.</param>
    /// <param name="ran2">Whether the third end node ran.</param>
    /// <param name="ran3">Whether the fourth end node ran.</param>
    /// <exception cref="GraphRunException">None or several ran.</exception>
    public void CheckEndNodes(bool ran0, bool ran1, bool ran2, bool ran3) => CheckEndNodes([ran0, ran1, ran2, ran3]);

    /// <summary>
    /// Throws the runtime graph's <see cref="GraphRunException"/> unless exactly one end node ran: a run that reaches no
    /// end node names the skipped ones, a run that reaches several names them. Call it once every node that ran was awaited.
    /// </summary>
    /// <param name="ran">Whether each end node ran, in the order of the end nodes given to <see cref="Open"/>.</param>
    /// <exception cref="ArgumentException">The number of flags is not the number of end nodes.</exception>
    /// <exception cref="GraphRunException">None or several end nodes ran.</exception>
    public void CheckEndNodes(params bool[] ran)
    {
        ArgumentNullException.ThrowIfNull(ran);
        if (ran.Length != _endNodes.Length)
        {
            throw new ArgumentException(
                $"Graph '{_scope.GraphName}' has {_endNodes.Length} end node(s) but was given {ran.Length} flag(s).", nameof(ran));
        }

        GraphRunErrors.ThrowUnlessOneEndNodeRan(_scope.GraphName, _endNodes, ran);
    }

    /// <summary>
    /// Ends the run: cancels the nodes still running (the body is leaving with an exception before awaiting them) and
    /// waits until they stopped, so that nothing of the run outlives it. Never throws.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _running) > 0)
        {
            _scope.CancelRemaining();
            var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _drained, drained);
            if (Volatile.Read(ref _running) > 0)
            {
                await drained.Task.ConfigureAwait(false);
            }
        }

        _scope.Drained();
        _scope.Dispose();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> RunNodeAsync<T>(TaskCall<T> call, int slot)
    {
        try
        {
            // After a failure nothing starts: the first failure is this node's result.
            _scope.ThrowIfFailed();
            var started = call.StartIn(_scope, slot, _scope.Token);
            if (!started.Running.IsCompleted)
            {
                await started.WhenCompleted();
            }

            return started.GetResult();
        }
        catch (Exception error) when (!_scope.IsCancellation(error) && error != _scope.FirstFailure)
        {
            // This node failed on its own account: the first failure cancels the others.
            if (!_scope.TryFail(error))
            {
                _scope.ThrowIfFailed();
            }

            throw;
        }
        catch (Exception) when (_scope.HasFailed)
        {
            // Cancelled by another node's failure: throw that failure, whichever node the body awaits first.
            _scope.ThrowIfFailed();
            throw;
        }
        finally
        {
            if (Interlocked.Decrement(ref _running) == 0)
            {
                Volatile.Read(ref _drained)?.TrySetResult();
            }
        }
    }

    private Exception Fail(GraphRunException error)
    {
        if (!_scope.TryFail(error) && _scope.FirstFailure is { } first)
        {
            return first;
        }

        return error;
    }
}
