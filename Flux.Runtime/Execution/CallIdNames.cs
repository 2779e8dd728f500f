using System.Buffers;

namespace Flux;

/// <summary>
/// The names that appear in call ids (task, graph and node names) must not contain the characters the id's text uses
/// to separate and mark its parts ('/', '~', '[' and ']'; see <see cref="TaskCallId"/>), or two different calls could
/// read the same. One rule and its messages, for the task handles, the fluent graph and the declared graph.
/// </summary>
internal static class CallIdNames
{
    /// <summary>The characters a name in a call id must not contain.</summary>
    public const string Reserved = "/~[]";

    private static readonly SearchValues<char> s_reserved = SearchValues.Create(Reserved);

    /// <exception cref="ArgumentException">The task's name contains a reserved character.</exception>
    public static void CheckTask(string name)
    {
        if (Find(name) is { } bad)
        {
            throw new ArgumentException(
                $"Task name '{name}' contains '{bad}', which call ids use to separate their parts: give the task a name without {Listed()} (for example [Task(Name = \"{Suggest(name)}\")]).",
                nameof(name));
        }
    }

    /// <exception cref="ArgumentException">The graph's name contains a reserved character.</exception>
    public static void CheckGraph(string name)
    {
        if (Find(name) is { } bad)
        {
            throw new ArgumentException(
                $"Graph name '{name}' contains '{bad}', which call ids use to separate their parts: name the graph without {Listed()} (for example new Graph(\"{Suggest(name)}\"), or [Workflow(Name = \"{Suggest(name)}\")] for a declared graph).",
                nameof(name));
        }
    }

    /// <exception cref="ArgumentException">The node's name contains a reserved character.</exception>
    public static void CheckNode(string graph, string node)
    {
        if (Find(node) is { } bad)
        {
            throw new ArgumentException(
                $"Node name '{node}' in graph '{graph}' contains '{bad}', which call ids use to separate their parts: name the node without {Listed()} (for example \"{Suggest(node)}\").",
                nameof(node));
        }
    }

    private static char? Find(string name)
    {
        var at = name.AsSpan().IndexOfAny(s_reserved);
        return at < 0 ? null : name[at];
    }

    private static string Listed() => "'/', '~', '[' or ']'";

    private static string Suggest(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (Reserved.Contains(chars[i], StringComparison.Ordinal))
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }
}
