using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.FluentGraphAnalyzer>;
using static Flux.Analyzers.Tests.Graphs.GraphSources;

namespace Flux.Analyzers.Tests.Graphs;

/// <summary>
/// Every rule, firing and silent, in every way a fluent graph is written: one chain run in place, built with
/// <c>.Build()</c>, returned from a method, stored in a field initializer, in a property, and built statement by statement
/// in a local that is returned. A graph that leaves its code is judged by every rule once it says it is complete (it has
/// a StartWith or an EndWith, as every case below does), and only by the rules no later call can repair before that.
/// </summary>
public sealed class GraphFormsTests
{
    /// <summary>How the graph is written. <see cref="Escapes"/>: the graph leaves the code that builds it.</summary>
    public enum Form
    {
        RunInPlace,
        Build,
        Returned,
        Field,
        Property,
        Statements,
    }

    /// <summary>A graph as its creation and its builder calls, each with the markup of what the analyzer reports there.</summary>
    public sealed record GraphCase(string Rule, string Creation, string[] Calls)
    {
        public override string ToString() => Rule;
    }

    private static readonly Form[] s_forms = Enum.GetValues<Form>();

    private static readonly Form[] s_escaping = [Form.Returned, Form.Field, Form.Property, Form.Statements];

    private const string Plain = "new Graph(\"g\")";

    /// <summary>One wrong graph per rule, each with a StartWith or an EndWith: judged by every rule in every form.</summary>
    public static IEnumerable<GraphCase> Wrong()
    {
        yield return new("FLUX001", "{|FLUX001:new Graph(\"g\")|}", ["AddNode(\"a\", T.Str)", "EndWith(\"a\")"]);
        yield return new("FLUX002", "{|FLUX002:new Graph(\"g\")|}", ["AddNode(\"a\", T.Str)", "StartWith(\"a\")"]);
        yield return new("FLUX003", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddEdge(\"a\", {|FLUX003:\"c\"|})", "AddEdge(\"a\", \"b\")", "StartWith(\"a\")", "EndWith(\"b\")"]);
        yield return new("FLUX004", Plain, ["AddNode(\"a\", T.Str)", "{|FLUX004:AddNode(\"a\", T.Str)|}", "StartWith(\"a\")", "EndWith(\"a\")"]);
        yield return new("FLUX005", Plain, ["AddNode(\"s\", T.Str)", "AddNode(\"a\", T.Join)", "AddNode(\"b\", T.Str)", "AddEdge(\"s\", \"a\")", "AddEdge(\"a\", \"b\")", "{|FLUX005:AddEdge(\"b\", \"a\")|}", "StartWith(\"s\")", "EndWith(\"b\")"]);
        yield return new("FLUX006", Plain, ["AddNode(\"a\", T.Str)", "{|FLUX006:AddNode(\"island\", T.Str)|}", "AddNode(\"b\", T.Join)", "AddEdge(\"a\", \"b\")", "AddEdge(\"island\", \"b\")", "StartWith(\"a\")", "EndWith(\"b\")"]);
        yield return new("FLUX007", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "{|FLUX007:AddNode(\"dead\", T.Str)|}", "AddEdge(\"a\", \"b\")", "AddEdge(\"a\", \"dead\")", "StartWith(\"a\")", "EndWith(\"b\")"]);
        yield return new("FLUX008", Plain, ["AddNode(\"count\", T.Count)", "AddNode(\"b\", T.Str)", "{|FLUX008:AddEdge(\"count\", \"b\")|}", "StartWith(\"count\")", "EndWith(\"b\")"]);
        yield return new("FLUX009", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddEdge(\"a\", \"b\", when: {|FLUX009:(int n) => n > 0|})", "StartWith(\"a\")", "EndWith(\"b\")"]);
        yield return new("FLUX010", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddNode(\"c\", T.Str)", "{|FLUX010:AddNode(\"join\", T.Str)|}", "AddEdge(\"a\", \"b\")", "AddEdge(\"a\", \"c\")", "AddEdge(\"b\", \"join\")", "AddEdge(\"c\", \"join\")", "StartWith(\"a\")", "EndWith(\"join\")"]);
    }

    /// <summary>The same graphs, repaired: silent in every form.</summary>
    public static IEnumerable<GraphCase> Right()
    {
        yield return new("FLUX001", Plain, ["AddNode(\"a\", T.Str)", "StartWith(\"a\")", "EndWith(\"a\")"]);
        yield return new("FLUX002", Plain, ["AddNode(\"a\", T.Str)", "StartWith(\"a\")", "EndWith(\"a\")"]);
        yield return new("FLUX003", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddNode(\"c\", T.Str)", "AddEdge(\"a\", \"c\")", "AddEdge(\"a\", \"b\")", "StartWith(\"a\")", "EndWith(\"b\")", "EndWith(\"c\")"]);
        yield return new("FLUX004", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddEdge(\"a\", \"b\")", "StartWith(\"a\")", "EndWith(\"b\")"]);
        yield return new("FLUX005", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddNode(\"c\", T.Str)", "AddNode(\"d\", T.Join)", "AddEdge(\"a\", \"b\")", "AddEdge(\"a\", \"c\")", "AddEdge(\"b\", \"d\")", "AddEdge(\"c\", \"d\")", "StartWith(\"a\")", "EndWith(\"d\")"]);
        yield return new("FLUX006", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"island\", T.Str)", "AddNode(\"b\", T.Join)", "AddEdge(\"a\", \"b\")", "AddEdge(\"island\", \"b\")", "StartWith(\"a\")", "StartWith(\"island\")", "EndWith(\"b\")"]);
        yield return new("FLUX007", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddNode(\"other\", T.Str)", "AddEdge(\"a\", \"b\", when: (string s) => s.Length > 0)", "AddEdge(\"a\", \"other\", when: (string s) => s.Length == 0)", "StartWith(\"a\")", "EndWith(\"b\")", "EndWith(\"other\")"]);
        yield return new("FLUX008", Plain, ["AddNode(\"count\", T.Count)", "AddNode(\"show\", T.Show)", "AddEdge(\"count\", \"show\")", "StartWith(\"count\")", "EndWith(\"show\")"]);
        yield return new("FLUX009", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddEdge(\"a\", \"b\", when: (string s) => s.Length > 0)", "AddNode(\"c\", T.Str)", "AddEdge(\"a\", \"c\", when: async (object o) => { await Task.Yield(); return o is null; })", "StartWith(\"a\")", "EndWith(\"b\")", "EndWith(\"c\")"]);
        yield return new("FLUX010", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddNode(\"c\", T.Str)", "AddNode(\"join\", T.Join)", "AddEdge(\"a\", \"b\")", "AddEdge(\"a\", \"c\")", "AddEdge(\"b\", \"join\")", "AddEdge(\"c\", \"join\")", "StartWith(\"a\")", "EndWith(\"join\")"]);
    }

    /// <summary>Wrong graphs without a StartWith or an EndWith, which a caller could still finish: only the rules no later call can repair fire.</summary>
    public static IEnumerable<GraphCase> Unfinished()
    {
        yield return new("FLUX001, FLUX002 wait", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddEdge(\"a\", \"b\")"]);
        yield return new("FLUX003 waits", Plain, ["AddNode(\"a\", T.Str)", "AddEdge(\"a\", \"later\")"]);
        yield return new("FLUX006, FLUX007 wait", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"island\", T.Str)"]);
        yield return new("FLUX010 waits for the input it lacks", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"join\", T.Join)", "AddEdge(\"a\", \"join\")"]);
        yield return new("FLUX004 fires", Plain, ["AddNode(\"a\", T.Str)", "{|FLUX004:AddNode(\"a\", T.Str)|}"]);
        yield return new("FLUX005 fires", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddEdge(\"a\", \"b\")", "{|FLUX005:AddEdge(\"b\", \"a\")|}"]);
        yield return new("FLUX008 fires", Plain, ["AddNode(\"count\", T.Count)", "AddNode(\"b\", T.Str)", "{|FLUX008:AddEdge(\"count\", \"b\")|}"]);
        yield return new("FLUX009 fires", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "AddEdge(\"a\", \"b\", when: {|FLUX009:(int n) => n > 0|})"]);
        yield return new("FLUX010 fires with more inputs than parameters", Plain, ["AddNode(\"a\", T.Str)", "AddNode(\"b\", T.Str)", "{|FLUX010:AddNode(\"one\", T.Str)|}", "AddEdge(\"a\", \"one\")", "AddEdge(\"b\", \"one\")"]);
    }

    public static IEnumerable<TestCaseData> WrongInEveryForm() =>
        from graph in Wrong() from form in s_forms select new TestCaseData(graph, form).SetArgDisplayNames(graph.Rule, form.ToString());

    public static IEnumerable<TestCaseData> RightInEveryForm() =>
        from graph in Right() from form in s_forms select new TestCaseData(graph, form).SetArgDisplayNames(graph.Rule, form.ToString());

    public static IEnumerable<TestCaseData> UnfinishedInEveryEscapingForm() =>
        from graph in Unfinished() from form in s_escaping select new TestCaseData(graph, form).SetArgDisplayNames(graph.Rule, form.ToString());

    [Test]
    public void Every_rule_has_a_wrong_and_a_right_graph() =>
        Assert.That(Wrong().Select(g => g.Rule), Is.EqualTo(Right().Select(g => g.Rule)).And.EqualTo(Enumerable.Range(1, 10).Select(i => $"FLUX{i:000}")));

    [TestCaseSource(nameof(WrongInEveryForm))]
    public Task A_wrong_graph_is_reported_in_every_form(GraphCase graph, Form form) => Verify.VerifyAsync(Write(graph, form));

    [TestCaseSource(nameof(RightInEveryForm))]
    public Task A_right_graph_is_silent_in_every_form(GraphCase graph, Form form) => Verify.VerifyAsync(Write(graph, form));

    [TestCaseSource(nameof(UnfinishedInEveryEscapingForm))]
    public Task An_unfinished_graph_is_judged_only_by_what_no_later_call_repairs(GraphCase graph, Form form) => Verify.VerifyAsync(Write(graph, form));

    [TestCase(Form.RunInPlace)]
    [TestCase(Form.Build)]
    public Task An_unfinished_graph_that_is_run_or_built_is_complete(Form form) => Verify.VerifyAsync(Write(
        new("in place", "{|FLUX001:{|FLUX002:new Graph(\"g\")|}|}", ["AddNode(\"a\", T.Str)", "AddEdge(\"a\", {|FLUX003:\"later\"|})"]),
        form));

    /// <summary>The graph written in <paramref name="form"/>, in a compilable file.</summary>
    public static string Write(GraphCase graph, Form form)
    {
        var chain = graph.Creation + string.Concat(graph.Calls.Select(call => "\n            ." + call));
        var statements = "var graph = " + graph.Creation + ";" + string.Concat(graph.Calls.Select(call => "\n        graph." + call + ";"));
        var member = form switch
        {
            Form.RunInPlace => "public static async Task<string> Run(string input) =>\n        await " + chain + "\n            .RunAsync<string, string>(input);",
            Form.Build => "public static GraphDefinition Make() =>\n        " + chain + "\n            .Build();",
            Form.Returned => "public static Graph Make() =>\n        " + chain + ";",
            Form.Field => "public static readonly Graph Field =\n        " + chain + ";",
            Form.Property => "public static Graph Property { get; } =\n        " + chain + ";",
            _ => "public static Graph Make()\n    {\n        " + statements + "\n        return graph;\n    }",
        };
        return Prelude + "public static class Flows\n{\n    " + member + "\n}\n";
    }
}
