namespace Flux.Generators.DeclarativeGraphs.Model;

/// <summary>One node of a declarative graph, as the generated body calls it.</summary>
/// <param name="Name">The node's name.</param>
/// <param name="Local">The local that holds its output (<c>getName</c>); <c>{Local}Call</c> and <c>{Local}Runs</c> are free too.</param>
/// <param name="Handle">The expression of its task handle (<c>GetNameTask</c>, <c>global::Demo.Other.SayHelloTask</c>).</param>
/// <param name="ResultType">The task's result type, fully qualified (<c>global::System.ValueTuple</c> for none).</param>
/// <param name="IsStart">True for a start node: its first argument is the workflow's input.</param>
/// <param name="IsEnd">True for an end node.</param>
/// <param name="InputForgivesNull">True when the workflow's input may be null but the node's first parameter is not nullable: pass it with <c>!</c>, as the runtime would.</param>
/// <param name="ResultForgivesNull">True when the result may be null but the workflow's output is not nullable.</param>
internal sealed record GraphNodeModel(
    string Name,
    string Local,
    string Handle,
    string ResultType,
    bool IsStart,
    bool IsEnd,
    bool InputForgivesNull,
    bool ResultForgivesNull);
