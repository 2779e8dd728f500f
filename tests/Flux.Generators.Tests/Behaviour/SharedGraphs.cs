namespace Flux.Generators.Tests.Behaviour;

/// <summary>
/// Static initializers that use generated handles, written before them: C# runs a class's static initializers in
/// textual order, and the generated file comes after this one, so a handle stored in a field of the class would still
/// be null here.
/// </summary>
public static partial class SharedGraphs
{
    /// <summary>A graph built once, from task handles, when the class is first used.</summary>
    public static readonly Graph Shared = Build();

    /// <summary>A workflow handle kept by a static initializer.</summary>
    public static readonly WorkflowHandle<string, string> Kept = RunWorkflow;

    /// <summary>Echoes its input.</summary>
    [Task] public static string Echo(string text) => text;

    /// <summary>Upper-cases its input.</summary>
    [Task] public static string Shout(string text) => text.ToUpperInvariant();

    /// <summary>The graph: echo, then shout.</summary>
    public static Graph Build() => new Graph("shared")
        .AddNode("echo", EchoTask)
        .AddNode("shout", ShoutTask)
        .AddEdge("echo", "shout")
        .StartWith("echo")
        .EndWith("shout");

    /// <summary>Runs the shared graph; its diagram is drawn at build time from <see cref="Build"/>.</summary>
    [Workflow]
    public static async Task<string> Run(ExecutionContext<string> ctx) => await Shared.RunAsync<string, string>(ctx.Input);
}
