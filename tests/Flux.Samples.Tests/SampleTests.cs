using Flux.Samples;

namespace Flux.Samples.Tests;

/// <summary>Runs each sample as the command line does and checks what it prints.</summary>
public class SampleTests
{
    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await SampleRunner.RunAsync(args, output, error);
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }

    [Test]
    public async Task Parallel_prints_the_three_greetings_in_order()
    {
        var (code, output, _) = await Run("parallel", "Joe");

        Assert.That(code, Is.Zero);
        Assert.That(output, Is.EqualTo("Hi, Joe\nHello, Joe\nHola, Joe\n"));
    }

    [Test]
    public async Task Pipeline_of_5_prints_169()
    {
        var (code, output, _) = await Run("pipeline", "5");

        Assert.That((code, output), Is.EqualTo((0, "169\n")));
    }

    [Test]
    public async Task Map_upper_cases_every_item()
    {
        var (code, output, _) = await Run("map", "a", "b", "c");

        Assert.That((code, output), Is.EqualTo((0, "A B C\n")));
    }

    [Test]
    public async Task Task_map_of_5_prints_5()
    {
        var (code, output, _) = await Run("task_map", "5");

        Assert.That((code, output), Is.EqualTo((0, "5\n")));
    }

    [Test]
    public async Task Graph_says_hello()
    {
        var (code, output, _) = await Run("graph", "Joe");

        Assert.That((code, output), Is.EqualTo((0, "Hello, Joe\n")));
    }

    [TestCase("3", "Processed order of 3 item(s)\n")]
    [TestCase("abc", "Rejected 'abc': expected a positive whole number\n")]
    public async Task Conditional_graph_takes_the_branch_its_condition_chooses(string input, string expected)
    {
        var (code, output, _) = await Run("conditional_graph", input);

        Assert.That((code, output), Is.EqualTo((0, expected)));
    }

    [Test]
    public async Task Batched_map_processes_every_item_in_batches()
    {
        var (code, output, _) = await Run("batched_map", "2500");

        Assert.That((code, output), Is.EqualTo((0, "2500 items in 3 batch(es); last: ITEM-2499\n")));
    }

    [Test]
    public async Task Streaming_map_processes_every_item()
    {
        var (code, output, _) = await Run("streaming_map", "2500");

        var checksum = Enumerable.Range(1, 2500).Sum(i => (long)i * i);
        Assert.That((code, output), Is.EqualTo((0, $"stored 2500 results, checksum {checksum}\n")));
    }

    [Test]
    public async Task List_names_every_sample()
    {
        var (code, output, _) = await Run("list");

        Assert.That(code, Is.Zero);
        foreach (var sample in SampleRunner.All)
        {
            Assert.That(output, Does.Contain(sample.Name));
        }

        Assert.That(SampleRunner.All.Select(s => s.Name), Is.SupersetOf(new[]
        {
            "parallel", "pipeline", "map", "task_map", "graph", "conditional_graph", "batched_map", "streaming_map",
        }));
    }

    [Test]
    public async Task An_unknown_sample_or_bad_input_gets_a_clear_error()
    {
        var unknown = await Run("nope");
        var bad = await Run("pipeline", "five");

        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Error, Does.Contain("Unknown sample 'nope'"));
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Error, Does.Contain("expected one whole number"));
    }
}

/// <summary>The 'diagram' command prints the diagram the generator wrote at build time.</summary>
public class DiagramCommandTests
{
    [Test]
    public async Task Diagram_prints_the_build_time_mermaid_text_of_a_workflow_graph()
    {
        var output = new StringWriter();
        var exitCode = await SampleRunner.RunAsync(["diagram", "graph_workflow"], output, new StringWriter());

        Assert.That(exitCode, Is.Zero);
        Assert.That(output.ToString(), Is.EqualTo(GraphSample.HelloWorkflow.Diagram));
        Assert.That(output.ToString(), Does.StartWith("flowchart TD\n").And.Contain("n0 --> n1"));
    }

    [Test]
    public async Task Diagram_lists_every_declarative_workflow_in_the_catalog()
    {
        var error = new StringWriter();
        await SampleRunner.RunAsync(["diagram"], new StringWriter(), error);

        Assert.That(error.ToString(), Does.Contain("declarative_graph_workflow").And.Contain("enum_routing_workflow").And.Contain("graph_workflow"));
    }

    [Test]
    public async Task Diagram_explains_a_workflow_without_one()
    {
        var error = new StringWriter();
        var exitCode = await SampleRunner.RunAsync(["diagram", "parallel_workflow"], new StringWriter(), error);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.ToString(), Does.Contain("has no build-time diagram"));
    }
}
