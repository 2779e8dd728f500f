using System.Runtime.ExceptionServices;

namespace Flux;

/// <summary>
/// One run of a <see cref="GraphDefinition"/>: all the state of the run lives here, so one definition serves any
/// number of runs. A single driver loop owns the state (no locks): it starts ready nodes, waits for any running node
/// to finish, then settles the edges out of it (evaluating their conditions) and finds the nodes that became ready
/// or must be skipped.
/// </summary>
internal sealed class GraphRun
{
    private readonly GraphDefinition _graph;
    private readonly object? _input;
    private readonly NodeState[] _state;
    private readonly object?[] _outputs;
    private readonly int[] _unsettled;
    private readonly bool[] _blocked;
    private readonly Queue<int> _ready = new();

    public GraphRun(GraphDefinition graph, object? input)
    {
        _graph = graph;
        _input = input;
        var count = graph.Nodes.Count;
        _state = new NodeState[count];
        _outputs = new object?[count];
        _blocked = new bool[count];
        _unsettled = new int[count];
        for (var n = 0; n < count; n++)
        {
            _unsettled[n] = graph.Incoming[n].Length;
            if (_unsettled[n] == 0)
            {
                // Validation guarantees that a node without incoming edges is a start node.
                _ready.Enqueue(n);
            }
        }
    }

    private enum NodeState : byte
    {
        Waiting,
        Running,
        Completed,
        Skipped,
    }

    public async Task<object?> RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<(int Node, Task<object?> Task)>();
        ExceptionDispatchInfo? failure = null;

        while (true)
        {
            while (failure is null && _ready.Count > 0)
            {
                var node = _ready.Dequeue();
                _state[node] = NodeState.Running;
                running.Add((node, Start(node, cancellation.Token)));
            }

            if (running.Count == 0)
            {
                break;
            }

            // A node that finished synchronously (or already) is settled without waiting: most nodes of a chain do.
            var at = running.FindIndex(static r => r.Task.IsCompleted);
            if (at < 0)
            {
                var first = await Task.WhenAny(running.Select(static r => r.Task)).ConfigureAwait(false);
                at = running.FindIndex(r => r.Task == first);
            }

            var (done, finished) = running[at];
            running.RemoveAt(at);

            if (!finished.IsCompletedSuccessfully)
            {
                // The first failure wins; the others are the cancelled siblings. Keep looping to wait for them.
                if (failure is null)
                {
                    failure = ExceptionDispatchInfo.Capture(finished.Exception?.InnerException ?? new OperationCanceledException(cancellation.Token));
                    await cancellation.CancelAsync().ConfigureAwait(false);
                }

                continue;
            }

            if (failure is not null)
            {
                continue;
            }

            _state[done] = NodeState.Completed;
            _outputs[done] = finished.Result;
            try
            {
                await SettleAsync(done).ConfigureAwait(false);
            }
            catch (GraphRunException conditionFailed)
            {
                failure = ExceptionDispatchInfo.Capture(conditionFailed);
                await cancellation.CancelAsync().ConfigureAwait(false);
            }
        }

        failure?.Throw();
        cancellationToken.ThrowIfCancellationRequested();
        return Result();
    }

    private Task<object?> Start(int node, CancellationToken cancellationToken)
    {
        var incoming = _graph.Incoming[node];
        var offset = _graph.IsStart[node] ? 1 : 0;
        var arguments = new object?[offset + incoming.Length];
        if (offset == 1)
        {
            arguments[0] = _input;
        }

        for (var i = 0; i < incoming.Length; i++)
        {
            arguments[offset + i] = _outputs[_graph.EdgeFrom[incoming[i]]];
        }

        try
        {
            return _graph.Nodes[node].Task.CreateCall(arguments).RunUntypedAsync(cancellationToken).AsTask();
        }
        catch (Exception error)
        {
            // CreateCall refuses a value its parameter cannot hold (a null for a value type): a failure of this node.
            return Task.FromException<object?>(error);
        }
    }

    /// <summary>Settles the edges out of a node that completed, then propagates skips through what can no longer run.</summary>
    private async ValueTask SettleAsync(int node)
    {
        Queue<int>? skipped = null;
        foreach (var edge in _graph.Outgoing[node])
        {
            var holds = await EvaluateAsync(edge, _outputs[node]).ConfigureAwait(false);
            Settle(edge, holds, ref skipped);
        }

        while (skipped is { Count: > 0 })
        {
            foreach (var edge in _graph.Outgoing[skipped.Dequeue()])
            {
                Settle(edge, holds: false, ref skipped);
            }
        }
    }

    private void Settle(int edge, bool holds, ref Queue<int>? skipped)
    {
        var to = _graph.EdgeTo[edge];
        if (!holds)
        {
            _blocked[to] = true;
        }

        if (--_unsettled[to] > 0)
        {
            return;
        }

        if (_blocked[to])
        {
            _state[to] = NodeState.Skipped;
            (skipped ??= new Queue<int>()).Enqueue(to);
        }
        else
        {
            _ready.Enqueue(to);
        }
    }

    private async ValueTask<bool> EvaluateAsync(int edge, object? output)
    {
        var definition = _graph.Edges[edge];
        if (definition.Condition is not { } condition)
        {
            return true;
        }

        try
        {
            return await condition.EvaluateAsync(output).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            throw new GraphRunException(
                _graph.Name,
                $"Graph '{_graph.Name}': the condition on edge '{definition.From}' -> '{definition.To}' ({condition.Description}) threw {error.GetType().Name}: {error.Message}",
                error);
        }
    }

    private object? Result()
    {
        var ran = new List<string>();
        var skipped = new List<string>();
        object? output = null;
        foreach (var end in _graph.EndNodes)
        {
            var node = IndexOf(end);
            if (_state[node] == NodeState.Completed)
            {
                ran.Add(end);
                output = _outputs[node];
            }
            else
            {
                skipped.Add(end);
            }
        }

        return ran.Count switch
        {
            1 => output,
            0 => throw new GraphRunException(
                _graph.Name,
                $"Graph '{_graph.Name}' reached no end node: {Quote(skipped)} {(skipped.Count == 1 ? "was" : "were")} skipped because a condition on the way was false. Make sure every run reaches an end node, e.g. add an edge with the opposite condition to another end node."),
            _ => throw new GraphRunException(
                _graph.Name,
                $"Graph '{_graph.Name}' reached {ran.Count} end nodes ({Quote(ran)}), but a run has one result: make the conditions in front of these end nodes exclusive, or join them into one end node."),
        };
    }

    private int IndexOf(string node)
    {
        for (var n = 0; n < _graph.Nodes.Count; n++)
        {
            if (_graph.Nodes[n].Name == node)
            {
                return n;
            }
        }

        throw new InvalidOperationException($"End node '{node}' is not in graph '{_graph.Name}'.");
    }

    private static string Quote(List<string> names) => string.Join(", ", names.Select(name => $"'{name}'"));
}
