using System.Text.Json;

namespace Flux.CommandLine.Tests;

/// <summary><c>workflows</c> and <c>diagram</c>: what the program's workflows are, read from the generated catalog.</summary>
public class CatalogCommandTests
{
    [Test]
    public async Task Workflows_lists_each_workflow_with_its_input_and_output_types()
    {
        using var program = new TestProgram();

        var result = await program.RunAsync("workflows");

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), result.ToString());
        Assert.That(result.Output, Does.Match(@"gated_map\s*│\s*GateInput\s*│\s*int\s*│"));
        Assert.That(result.Output, Does.Match(@"hello_graph\s*│\s*string\s*│\s*string\s*│\s*yes"));
        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public async Task Workflows_json_is_an_array_of_names_and_types()
    {
        using var program = new TestProgram();

        var result = await program.RunAsync("workflows", "--json");

        using var json = JsonDocument.Parse(result.Output);
        var names = json.RootElement.EnumerateArray().Select(w => w.GetProperty("name").GetString()).ToArray();
        Assert.That(names, Is.EqualTo(new[] { "approval", "explode", "gated_map", "greet", "hello_graph" }));
        var gated = json.RootElement.EnumerateArray().Single(w => w.GetProperty("name").GetString() == "gated_map");
        Assert.That(
            (gated.GetProperty("inputType").GetString(), gated.GetProperty("outputType").GetString(), gated.GetProperty("hasDiagram").GetBoolean()),
            Is.EqualTo(("GateInput", "int", false)));
    }

    [Test]
    public async Task Diagram_prints_the_mermaid_text_the_generator_wrote()
    {
        using var program = new TestProgram();

        var result = await program.RunAsync("diagram", "hello_graph");
        var json = await program.RunAsync("diagram", "hello_graph", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), result.ToString());
        Assert.That(result.Output, Does.StartWith("flowchart TD\n").And.Contain("[\"greeting\"]"));
        using var document = JsonDocument.Parse(json.Output);
        Assert.That(document.RootElement.GetProperty("diagram").GetString(), Is.EqualTo(result.Output));
    }

    [Test]
    public async Task Diagram_of_a_workflow_without_a_graph_says_which_have_one()
    {
        using var program = new TestProgram();

        var none = await program.RunAsync("diagram", "greet");
        var missing = await program.RunAsync("diagram");

        Assert.That(none.ExitCode, Is.EqualTo(FluxExitCode.Failed), none.ToString());
        Assert.That(none.Error, Does.Contain("'greet' has no build-time diagram").And.Contain("hello_graph"));
        Assert.That(none.Output, Is.Empty);
        Assert.That(missing.ExitCode, Is.EqualTo(FluxExitCode.BadInput), missing.ToString());
        Assert.That(missing.Error, Does.Contain("diagram <workflow>").And.Contain("hello_graph"));
    }
}
