using System.Text.Json;
using Flux.CommandLine;

namespace Flux.Samples.Tests;

/// <summary>The samples' program routes the Flux command line's commands to it, over the samples' workflows.</summary>
public class FluxCommandTests
{
    private string _store = "";

    [SetUp]
    public void CreateStorePath() => _store = Path.Combine(Path.GetTempPath(), $"flux-samples-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteStore()
    {
        foreach (var file in new[] { _store, _store + "-wal", _store + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await SampleRunner.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Workflows_lists_the_samples_workflows()
    {
        var (code, output, _) = await Run("workflows", "--json");

        Assert.That(code, Is.EqualTo(FluxExitCode.Succeeded));
        var names = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(w => w.GetProperty("name").GetString()).ToArray();
        Assert.That(names, Is.SupersetOf(new[] { "mapping_workflow", "pipeline_workflow", "graph_workflow", "retries_workflow" }));
    }

    [Test]
    public async Task Run_then_executions_then_show_over_one_store()
    {
        var run = await Run("run", "mapping_workflow", "--input", "[\"a\",\"b\",\"c\"]", "--store", _store, "--json");
        var id = JsonDocument.Parse(run.Output).RootElement.GetProperty("executionId").GetString();
        var executions = await Run("executions", "--store", _store, "--json");
        var shown = await Run("show", id!, "--store", _store);

        Assert.That(run.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), run.Error);
        Assert.That(JsonDocument.Parse(run.Output).RootElement.GetProperty("output").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(JsonDocument.Parse(executions.Output).RootElement.GetProperty("executions")[0].GetProperty("executionId").GetString(), Is.EqualTo(id));
        Assert.That(shown.Output, Does.Contain("WorkflowCompleted").And.Contain("map:ProcessItem[2]/"));
    }

    [Test]
    public async Task List_still_names_the_samples_and_the_usage_names_the_flux_commands()
    {
        var list = await Run("list");
        var usage = await Run();

        Assert.That(list.Output, Does.StartWith("parallel "));
        Assert.That(usage.Error, Does.Contain("run|resume|cancel|executions|show|watch|diagram|workflows"));
    }
}
