namespace Flux;

/// <summary>A node of a graph: a name, unique in its graph, and the task it runs.</summary>
public sealed class GraphNode
{
    internal GraphNode(string name, TaskHandle task)
    {
        Name = name;
        Task = task;
    }

    /// <summary>The node's name.</summary>
    public string Name { get; }

    /// <summary>The task the node runs.</summary>
    public TaskHandle Task { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Task.Name})";
}
