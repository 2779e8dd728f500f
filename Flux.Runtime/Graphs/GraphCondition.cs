namespace Flux;

/// <summary>An edge's condition, called with the upstream node's output; typed at the <c>AddEdge</c> call, untyped here.</summary>
internal abstract class GraphCondition
{
    protected GraphCondition(string? description)
    {
        Description = description;
    }

    /// <summary>The source text of the condition, for diagrams and messages.</summary>
    public string? Description { get; }

    /// <summary>The type the condition takes; the upstream node's output must fit it (FLUX009).</summary>
    public abstract Type ParameterType { get; }

    public abstract ValueTask<bool> EvaluateAsync(object? upstreamOutput);
}

internal sealed class SyncGraphCondition<T>(Func<T, bool> condition, string? description) : GraphCondition(description)
{
    public override Type ParameterType => typeof(T);

    public override ValueTask<bool> EvaluateAsync(object? upstreamOutput) => new(condition((T)upstreamOutput!));
}

internal sealed class AsyncGraphCondition<T>(Func<T, Task<bool>> condition, string? description) : GraphCondition(description)
{
    public override Type ParameterType => typeof(T);

    public override ValueTask<bool> EvaluateAsync(object? upstreamOutput) => new(condition((T)upstreamOutput!));
}
