using System.Text;
using Flux.Shared.Diagnostics;
using Flux.Shared.Graphs.Validation;
using Microsoft.CodeAnalysis;

namespace Flux.Analyzers.Tests.Graphs;

/// <summary>
/// The runtime's validation and the analyzer judge graphs alike: every invalid graph of a shared table is built at run
/// time (with hand-made task handles) and written out as C# for the analyzer, and both must report the same codes and
/// messages. Also: the rules' message formats are the analyzer descriptors' formats.
/// </summary>
public sealed class GraphAgreementTests
{
    /// <summary>
    /// An invalid graph as data. A node is <c>"name:param,param->result"</c> (no parameters: <c>"name:->result"</c>);
    /// an edge is <c>"from->to"</c>, or <c>"from->to?type"</c> with a condition taking <c>type</c>.
    /// </summary>
    public sealed record GraphCase(string Title, string[] Nodes, string[] Edges, string[] Starts, string[] Ends)
    {
        public override string ToString() => Title;
    }

    private static readonly string[] s_none = [];

    public static IEnumerable<GraphCase> Cases()
    {
        yield return new("no start", ["a:string->string"], s_none, s_none, ["a"]);
        yield return new("no end", ["a:string->string"], s_none, ["a"], s_none);
        yield return new("no start nor end", ["a:string->string", "b:string->string"], ["a->b"], s_none, s_none);
        yield return new("edge to unknown", ["a:string->string"], ["a->x"], ["a"], ["a"]);
        yield return new("edge from unknown", ["a:string->string", "b:string->string"], ["a->b", "x->b"], ["a"], ["b"]);
        yield return new("edge between unknowns", ["a:string->string"], ["x->y"], ["a"], ["a"]);
        yield return new("start unknown", ["a:string->string"], s_none, ["x"], ["a"]);
        yield return new("end unknown", ["a:string->string"], s_none, ["a"], ["x"]);
        yield return new("duplicate node", ["a:string->string", "a:string->string"], s_none, ["a"], ["a"]);
        yield return new("node added three times", ["a:string->string", "a:int->int", "a:string->string"], s_none, ["a"], ["a"]);
        yield return new("two-node cycle", ["s:string->string", "a:string,string->string", "b:string->string"], ["s->a", "a->b", "b->a"], ["s"], ["b"]);
        yield return new("self loop", ["a:string->string"], ["a->a"], ["a"], ["a"]);
        yield return new("three-node cycle", ["s:string->string", "a:string->string", "b:string->string", "c:string->string", "e:string->string"], ["s->a", "a->b", "b->c", "c->a", "c->e"], ["s"], ["e"]);
        yield return new("two cycles", ["s:string->string", "a:string->string", "b:string->string", "c:string->string", "d:string->string"], ["s->a", "a->b", "b->a", "s->c", "c->d", "d->c"], ["s"], ["b", "d"]);
        yield return new("unreachable island", ["a:string->string", "b:string,string->string", "island:string->string"], ["a->b", "island->b"], ["a"], ["b"]);
        yield return new("unreachable chain", ["a:string->string", "x:string->string", "y:string->string"], ["x->y"], ["a"], ["a", "y"]);
        yield return new("dead end", ["a:string->string", "b:string->string", "dead:string->string"], ["a->b", "a->dead"], ["a"], ["b"]);
        yield return new("dead-end chain", ["a:string->string", "b:string->string", "d1:string->string", "d2:string->string"], ["a->b", "a->d1", "d1->d2"], ["a"], ["b"]);
        yield return new("int into string", ["a:string->int", "b:string->string"], ["a->b"], ["a"], ["b"]);
        yield return new("string into int", ["a:string->string", "b:int->string"], ["a->b"], ["a"], ["b"]);
        yield return new("int into long (numeric conversions do not fit)", ["a:string->int", "b:long->string"], ["a->b"], ["a"], ["b"]);
        yield return new("int? into int", ["a:string->int?", "b:int->string"], ["a->b"], ["a"], ["b"]);
        yield return new("object into string", ["a:string->object", "b:string->string"], ["a->b"], ["a"], ["b"]);
        yield return new("condition int on string", ["a:string->string", "b:string->string"], ["a->b?int"], ["a"], ["b"]);
        yield return new("condition string on int", ["a:string->int", "b:int->string"], ["a->b?string"], ["a"], ["b"]);
        yield return new("condition long on int", ["a:string->int", "b:int->string"], ["a->b?long"], ["a"], ["b"]);
        yield return new("join takes one", ["a:string->string", "b:string->string", "c:string->string", "j:string->string"], ["a->b", "a->c", "b->j", "c->j"], ["a"], ["j"]);
        yield return new("join types swapped", ["a:string->string", "n:string->int", "j:int,string->string"], ["a->j", "n->j"], ["a", "n"], ["j"]);
        yield return new("join of three takes two", ["a:string->string", "b:string->string", "c:string->string", "d:string->string", "j:string,string->string"], ["a->b", "a->c", "a->d", "b->j", "c->j", "d->j"], ["a"], ["j"]);
        yield return new("start without parameters", ["c:->string"], s_none, ["c"], ["c"]);
        yield return new("start with two parameters", ["c:string,string->string"], s_none, ["c"], ["c"]);
        yield return new("start with an incoming edge", ["a:string->string", "b:string->string"], ["a->b"], ["a", "b"], ["b"]);
        yield return new("one upstream, two parameters", ["a:string->string", "b:string,string->string"], ["a->b"], ["a"], ["b"]);
        yield return new("edge added twice", ["a:string->string", "b:string->string"], ["a->b", "a->b"], ["a"], ["b"]);
        yield return new("no end, unreachable and mistyped", ["a:string->int", "b:string->string", "x:string->string"], ["a->b"], ["a"], s_none);
        yield return new("cycle and mistyped condition", ["s:string->string", "a:string,string->string", "b:string->string"], ["s->a", "a->b?int", "b->a"], ["s"], ["b"]);
        yield return new("boxing and nullable fit; only the start is missing", ["a:string->int", "b:object->int", "c:int?->string"], ["a->b", "b->c?object"], s_none, ["c"]);
        yield return new("reference conversions fit; only the duplicate is wrong", ["a:string->string", "b:object->string", "b:string->string"], ["a->b?object"], ["a"], ["b"]);
    }

    [Test]
    public void The_table_has_at_least_thirty_graphs() => Assert.That(Cases().Count(), Is.GreaterThanOrEqualTo(30));

    /// <summary>The codes a graph that may still be extended is judged by while it has no StartWith and no EndWith.</summary>
    private static readonly string[] s_finalCodes = ["FLUX004", "FLUX005", "FLUX008", "FLUX009", "FLUX010"];

    public static IEnumerable<TestCaseData> CasesInEveryForm() =>
        from graphCase in Cases()
        from form in Enum.GetValues<GraphFormsTests.Form>()
        select new TestCaseData(graphCase, form).SetArgDisplayNames(graphCase.Title, form.ToString());

    [TestCaseSource(nameof(CasesInEveryForm))]
    public async Task Runtime_and_analyzer_report_the_same_codes_and_messages(GraphCase graphCase, GraphFormsTests.Form form)
    {
        var thrown = Assert.Throws<GraphValidationException>(() => BuildAtRunTime(graphCase).Build(), "the table holds invalid graphs only");
        var atRunTime = thrown!.Problems.OrderBy(p => p, StringComparer.Ordinal).ToArray();
        var unfinished = form is not (GraphFormsTests.Form.RunInPlace or GraphFormsTests.Form.Build) && graphCase.Starts.Length == 0 && graphCase.Ends.Length == 0;
        if (unfinished)
        {
            // Returned, stored or built without saying it is complete: only what no later call can repair.
            atRunTime = atRunTime.Where(p => s_finalCodes.Contains(p[..7])).ToArray();
        }

        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync<FluentGraphAnalyzer>(ToSource(graphCase, form));
        var atCompileTime = diagnostics.Select(d => d.Id + ": " + d.GetMessage()).OrderBy(p => p, StringComparer.Ordinal).ToArray();

        if (!unfinished)
        {
            Assert.That(diagnostics.Select(d => d.Id), Does.Contain(thrown.Code), "the runtime's first code is among the analyzer's");
        }

        Assert.That(atCompileTime, Is.EqualTo(atRunTime));
    }

    [TestCase("string", "string", null)]
    [TestCase("int", "string", "TInput")]
    [TestCase("string", "int", "TOutput")]
    [TestCase("object", "object", "TInput")]
    public async Task Runtime_and_analyzer_check_the_run_types_alike(string input, string output, string? wrong)
    {
        var graphCase = new GraphCase("run types", ["a:string->string"], s_none, ["a"], ["a"]);
        var graph = BuildAtRunTime(graphCase);
        var run = input switch
        {
            "int" => (Func<Task>)(() => graph.RunAsync<int, string>(1)),
            "object" => () => graph.RunAsync<object, object>("x"),
            _ => output == "int" ? () => graph.RunAsync<string, int>("x") : () => graph.RunAsync<string, string>("x"),
        };
        string[] atRunTime;
        if (wrong is null)
        {
            atRunTime = [];
        }
        else
        {
            var thrown = await Assert.ThrowsAsync<ArgumentException>(() => run());
            Assert.That(thrown!.ParamName, Is.EqualTo(wrong));
            atRunTime = ["FLUX008: " + thrown.Message.Replace(" (Parameter '" + wrong + "')", string.Empty, StringComparison.Ordinal)];
        }

        var source = ToSource(graphCase, GraphFormsTests.Form.RunInPlace)
            .Replace("RunAsync<string, string>(default!)", $"RunAsync<{input}, {output}>(default!)", StringComparison.Ordinal)
            .Replace("Task<string> Run(", "Task<object?> Run(", StringComparison.Ordinal);
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync<FluentGraphAnalyzer>(source);
        Assert.That(diagnostics.Select(d => d.Id + ": " + d.GetMessage()), Is.EqualTo(atRunTime));
    }

    [Test]
    public void The_rules_message_formats_are_the_descriptors_formats()
    {
        var descriptors = new FluentGraphAnalyzer().SupportedDiagnostics;
        Assert.That(descriptors.Select(d => d.Id).Distinct(), Is.EqualTo(GraphValidation.Diagnostics.Select(d => d.Id)));
        foreach (var rule in GraphValidation.Diagnostics.Concat([FluxDiagnostics.GraphRunInputMismatch, FluxDiagnostics.GraphRunOutputMismatch]))
        {
            Assert.That(descriptors.Where(d => d.Id == rule.Id).Select(d => d.MessageFormat.ToString()), Does.Contain(rule.MessageFormat), rule.Id);
        }
    }

    // ---- run time ----------------------------------------------------------------------------------------------

    private static readonly Dictionary<string, Type> s_types = new()
    {
        ["string"] = typeof(string),
        ["int"] = typeof(int),
        ["long"] = typeof(long),
        ["int?"] = typeof(int?),
        ["object"] = typeof(object),
    };

    private static Graph BuildAtRunTime(GraphCase graphCase)
    {
        var graph = new Graph("table");
        foreach (var node in graphCase.Nodes)
        {
            var (name, parameters, result) = ParseNode(node);
            graph.AddNode(name, new TableTask(name, [.. parameters.Select(p => s_types[p])], s_types[result]));
        }

        foreach (var edge in graphCase.Edges)
        {
            var (from, to, condition) = ParseEdge(edge);
            _ = condition switch
            {
                null => graph.AddEdge(from, to),
                "string" => graph.AddEdge(from, to, when: (string v) => true),
                "int" => graph.AddEdge(from, to, when: (int v) => true),
                "long" => graph.AddEdge(from, to, when: (long v) => true),
                "int?" => graph.AddEdge(from, to, when: (int? v) => true),
                "object" => graph.AddEdge(from, to, when: (object v) => true),
                _ => throw new ArgumentException(condition),
            };
        }

        foreach (var start in graphCase.Starts)
        {
            graph.StartWith(start);
        }

        foreach (var end in graphCase.Ends)
        {
            graph.EndWith(end);
        }

        return graph;
    }

    /// <summary>A handle whose signature is given as data; validation reads only the signature, so it never runs.</summary>
    private sealed class TableTask(string name, Type[] parameters, Type result) : TaskHandle<object?[], object?>(name, TaskOptions.Default)
    {
        public override IReadOnlyList<Type> ParameterTypes => parameters;

        public override Type ResultType => result;

        protected override ValueTask<object?> InvokeAsync(object?[] arguments, CancellationToken cancellationToken) => throw new NotSupportedException();

        protected override void WriteFingerprint(ref FingerprintWriter writer, object?[] arguments) => throw new NotSupportedException();

        protected override object?[] ConvertArguments(ReadOnlySpan<object?> arguments) => arguments.ToArray();
    }

    // ---- compile time ------------------------------------------------------------------------------------------

    private static string ToSource(GraphCase graphCase, GraphFormsTests.Form form)
    {
        var calls = new List<string>();
        foreach (var node in graphCase.Nodes)
        {
            var (name, parameters, result) = ParseNode(node);
            var arguments = parameters.Length switch
            {
                0 => "ValueTuple",
                1 => parameters[0],
                _ => "(" + string.Join(", ", parameters) + ")",
            };
            calls.Add($"AddNode(\"{name}\", new H<{arguments}, {result}>())");
        }

        foreach (var edge in graphCase.Edges)
        {
            var (from, to, condition) = ParseEdge(edge);
            calls.Add(condition is null
                ? $"AddEdge(\"{from}\", \"{to}\")"
                : $"AddEdge(\"{from}\", \"{to}\", when: ({condition} v) => true)");
        }

        calls.AddRange(graphCase.Starts.Select(start => $"StartWith(\"{start}\")"));
        calls.AddRange(graphCase.Ends.Select(end => $"EndWith(\"{end}\")"));

        // Run in place with the types of the table's graphs (string in, string out), so that only the rules speak.
        var source = GraphFormsTests.Write(new GraphFormsTests.GraphCase(graphCase.Title, "new Graph(\"table\")", [.. calls]), form);
        return source.Replace(".RunAsync<string, string>(input)", ".RunAsync<string, string>(default!)", StringComparison.Ordinal);
    }

    private static (string Name, string[] Parameters, string Result) ParseNode(string node)
    {
        var colon = node.IndexOf(':', StringComparison.Ordinal);
        var arrow = node.IndexOf("->", StringComparison.Ordinal);
        var parameters = node[(colon + 1)..arrow];
        return (node[..colon], parameters.Length == 0 ? [] : parameters.Split(','), node[(arrow + 2)..]);
    }

    private static (string From, string To, string? Condition) ParseEdge(string edge)
    {
        var arrow = edge.IndexOf("->", StringComparison.Ordinal);
        var rest = edge[(arrow + 2)..];
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        return question < 0
            ? (edge[..arrow], rest, null)
            : (edge[..arrow], rest[..question], rest[(question + 1)..]);
    }
}
