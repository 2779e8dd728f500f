// Correct programs that build graphs in ways the analyzer must leave alone, or judge and find right. Compiled by
// NoFalsePositivesTests with every Flux generator and analyzer: no Flux diagnostic, no compiler error.
namespace Correct;

public static partial class Steps
{
    [Task] public static string GetName(string input) => input.Trim();

    [Task] public static string SayHello(string name) => "Hello, " + name;

    [Task] public static string Shout(string text) => text.ToUpperInvariant();

    [Task] public static string Echo(string text) => text;

    [Task] public static int Count(string text) => text.Length;

    [Task] public static string Describe(int count) => count + " characters";
}

/// <summary>Half graphs that their callers finish.</summary>
public static class GraphParts
{
    public const string Start = "get_name";

    // A partial-graph helper: no StartWith, no EndWith, and an edge to a node its caller adds.
    public static Graph Greeting(string name) =>
        new Graph(name)
            .AddNode(Start, Steps.GetNameTask)
            .AddNode("say_hello", Steps.SayHelloTask)
            .AddEdge(Start, "say_hello")
            .AddEdge("say_hello", "shout");

    // The same, statement by statement.
    public static Graph Head()
    {
        var graph = new Graph("head");
        graph.AddNode("a", Steps.EchoTask);
        graph.AddEdge("a", "b");
        return graph;
    }

    // Extends a graph it is given: not where the graph is written, so not judged here.
    public static Graph WithShout(Graph graph) => graph.AddNode("shout", Steps.ShoutTask);

    // A join whose second input its caller adds.
    public static Graph Counting() =>
        new Graph("counting")
            .AddNode("count", Steps.CountTask)
            .AddNode("describe", Steps.DescribeTask)
            .AddEdge("count", "describe");

    // Built in a loop from names it is given (configuration): not known at compile time.
    public static Graph Chain(IReadOnlyList<string> names)
    {
        var graph = new Graph("chain");
        foreach (var name in names)
        {
            graph.AddNode(name, Steps.EchoTask);
        }

        for (var i = 1; i < names.Count; i++)
        {
            graph.AddEdge(names[i - 1], names[i]);
        }

        return graph.StartWith(names[0]).EndWith(names[names.Count - 1]);
    }

    // Names from configuration.
    public static Graph FromConfiguration(IReadOnlyDictionary<string, string> configuration) =>
        new Graph(configuration["graph"])
            .AddNode(configuration["first"], Steps.GetNameTask)
            .AddNode(configuration["second"], Steps.SayHelloTask)
            .AddEdge(configuration["first"], configuration["second"])
            .StartWith(configuration["first"])
            .EndWith(configuration["third"]);

    // Built conditionally: not read.
    public static Graph Optional(bool shout)
    {
        var graph = new Graph("optional").AddNode("a", Steps.EchoTask).StartWith("a");
        if (shout)
        {
            graph.AddNode("shout", Steps.ShoutTask).AddEdge("a", "shout").EndWith("shout");
        }
        else
        {
            graph.EndWith("a");
        }

        return graph;
    }

    // Handed to a method that finishes it, then run: what it was handed to may have added to it.
    public static async Task<string> Finished(string input)
    {
        var graph = new Graph("finished").AddNode("a", Steps.EchoTask);
        Finish(graph);
        return await graph.RunAsync<string, string>(input);
    }

    private static void Finish(Graph graph) => graph.StartWith("a").EndWith("a");

    // Complete graphs that leave their method, and are right.
    public static readonly Graph Shared = new Graph("shared")
        .AddNode(Start, Steps.GetNameTask)
        .AddNode("say_hello", Steps.SayHelloTask)
        .AddEdge(Start, "say_hello")
        .StartWith(Start)
        .EndWith("say_hello");

    public static Graph Described { get; } = Counting().AddNode("shout", Steps.ShoutTask).StartWith("count").EndWith("describe");
}

public static partial class Flows
{
    // Finishes the partial helpers.
    [Workflow]
    public static async Task<string> Greet(ExecutionContext<string> ctx)
    {
        var graph = GraphParts.Greeting("greeting");
        graph = GraphParts.WithShout(graph);
        return await graph.StartWith(GraphParts.Start).EndWith("shout").RunAsync<string, string>(ctx.Input);
    }

    [Workflow]
    public static async Task<string> Extended(ExecutionContext<string> ctx) =>
        await GraphParts.Head().AddNode("b", Steps.EchoTask).StartWith("a").EndWith("b").RunAsync<string, string>(ctx.Input);

    [Workflow]
    public static async Task<string> Configured(ExecutionContext<string> ctx) =>
        await GraphParts.Chain(ctx.Input.Split(',')).RunAsync<string, string>(ctx.Input);

    [Workflow]
    public static async Task<string> FromShared(ExecutionContext<string> ctx) =>
        await GraphParts.Shared.RunAsync<string, string>(ctx.Input);

    // Run types that fit by reference, boxing and nullable conversions.
    [Workflow]
    public static async Task<object> Loose(ExecutionContext<string> ctx)
    {
        var graph = new Graph("loose");
        graph.AddNode("count", Steps.CountTask);
        graph.StartWith("count").EndWith("count");
        return (await graph.RunAsync<string, int?>(ctx.Input))!;
    }

    // Several graphs in a loop, each complete and right.
    [Workflow]
    public static async Task<string> Many(ExecutionContext<string> ctx)
    {
        var result = ctx.Input;
        foreach (var word in ctx.Input.Split(' '))
        {
            result = await new Graph("word").AddNode("shout", Steps.ShoutTask).StartWith("shout").EndWith("shout").RunAsync<string, string>(word);
        }

        return result;
    }
}
