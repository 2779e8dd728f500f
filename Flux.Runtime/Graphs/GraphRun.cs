namespace Flux;

/// <summary>
/// One run of a <see cref="GraphDefinition"/>: all the state of the run lives here, so one definition serves any
/// number of runs. A single driver loop owns the state (no locks): it starts ready nodes, each in its node's slot of the
/// run's <see cref="GraphScope"/>, waits for any running node to finish, then settles the edges out of it (evaluating
/// their conditions) and finds the nodes that became ready or must be skipped. The first failure (a node's, or a
/// condition's as a <see cref="GraphRunException"/>) cancels the other nodes; the run waits for every node it started
/// before it throws that failure.
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
        using var scope = new GraphScope(_graph.Name, _graph.NameKey, _graph.NodeNames, cancellationToken);
        scope.Token.ThrowIfCancellationRequested();
        var running = new List<RunningNode>();

        while (true)
        {
            // Nothing new starts once a node failed or the run was cancelled; what runs is still awaited.
            while (!scope.Token.IsCancellationRequested && _ready.Count > 0)
            {
                var node = _ready.Dequeue();
                _state[node] = NodeState.Running;
                running.Add(new RunningNode(node, Start(node, scope)));
            }

            if (running.Count == 0)
            {
                break;
            }

            // A node that finished synchronously (or already) is settled without waiting: most nodes of a chain do.
            var at = running.FindIndex(static r => r.IsCompleted);
            if (at < 0)
            {
                for (var i = 0; i < running.Count; i++)
                {
                    running[i] = running[i].WithTask();
                }

                var first = await Task.WhenAny(running.Select(static r => r.Task!)).ConfigureAwait(false);
                at = running.FindIndex(r => r.Task == first);
            }

            var finished = running[at];
            running.RemoveAt(at);
            var done = finished.Node;
            object? output;
            try
            {
                output = finished.GetResult();
            }
            catch (Exception error)
            {
                // The first failure wins and cancels the other nodes (a throwing cancellation callback does not stop
                // the run from waiting for them); a cancelled node is not a failure of its own.
                if (!scope.IsCancellation(error))
                {
                    scope.TryFail(error);
                }

                continue;
            }

            if (scope.HasFailed)
            {
                continue;
            }

            _state[done] = NodeState.Completed;
            _outputs[done] = output;
            try
            {
                await SettleAsync(done).ConfigureAwait(false);
            }
            catch (GraphRunException conditionFailed)
            {
                scope.TryFail(conditionFailed);
            }
        }

        scope.Drained();
        if (scope.HasFailed || scope.Token.IsCancellationRequested)
        {
            scope.ThrowStopped($"Graph '{_graph.Name}'");
        }

        return Result();
    }

    private ValueTask<object?> Start(int node, GraphScope scope)
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
            return _graph.Nodes[node].Task.CreateCall(arguments).RunUntypedInAsync(scope, node, scope.Token);
        }
        catch (Exception error)
        {
            // CreateCall refuses a value its parameter cannot hold (a null for a value type): a failure of this node.
            return ValueTask.FromException<object?>(error);
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
            throw GraphRunErrors.ConditionThrew(_graph.Name, definition.From, definition.To, condition.Description, error);
        }
    }

    private object? Result()
    {
        var ends = _graph.EndNodes;
        Span<bool> ran = ends.Count <= 16 ? stackalloc bool[ends.Count] : new bool[ends.Count];
        object? output = null;
        for (var i = 0; i < ends.Count; i++)
        {
            var node = _graph.EndIndexes[i];
            ran[i] = _state[node] == NodeState.Completed;
            if (ran[i])
            {
                output = _outputs[node];
            }
        }

        GraphRunErrors.ThrowUnlessOneEndNodeRan(_graph.Name, ends, ran);
        return output;
    }

    /// <summary>A node whose call runs: its task of the result, made a <see cref="Task"/> only when the run must wait for any of several.</summary>
    private readonly struct RunningNode(int node, ValueTask<object?> call, Task<object?>? task = null)
    {
        public int Node { get; } = node;

        public Task<object?>? Task { get; } = task;

        public bool IsCompleted => Task?.IsCompleted ?? call.IsCompleted;

        public RunningNode WithTask() => Task is null ? new RunningNode(Node, default, call.AsTask()) : this;

        /// <summary>Takes the result once; throws the node's failure or cancellation.</summary>
        public object? GetResult() => Task is null ? call.GetAwaiter().GetResult() : Task.GetAwaiter().GetResult();
    }
}
