using System.Text.Json;

namespace Flux.CommandLine.Tests;

/// <summary><c>run</c>: a workflow to its end, its exit code, its <c>--json</c>, and bad input answered with one line.</summary>
public class RunCommandTests
{
    [Test]
    public async Task Run_prints_the_output_and_exits_with_success()
    {
        using var program = new TestProgram();

        var result = await program.RunAsync("run", "greet", "--input", "\"Joe\"");

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), result.ToString());
        Assert.That(result.Output, Does.Match("Execution [0-9a-f]{32} of greet: Succeeded in ").And.Contain("output: \"Hello, Joe\""));
        Assert.That(result.Error, Does.StartWith("Started execution ").And.Contain($"(store: flux.db)"));
        Assert.That(File.Exists(program.DefaultStore), "the default store is flux.db in the current directory");
    }

    [Test]
    public async Task Run_with_json_prints_only_the_execution_as_json()
    {
        using var program = new TestProgram();

        var result = await program.RunAsync("run", "greet", "--input", "\"Ann\"", "--json", "--id", "greet-1");

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), result.ToString());
        Assert.That(result.Error, Is.Empty);
        using var json = JsonDocument.Parse(result.Output);
        var execution = json.RootElement;
        Assert.That(execution.GetProperty("executionId").GetString(), Is.EqualTo("greet-1"));
        Assert.That(execution.GetProperty("workflow").GetString(), Is.EqualTo("greet"));
        Assert.That(execution.GetProperty("state").GetString(), Is.EqualTo("Succeeded"));
        Assert.That(execution.GetProperty("output").GetString(), Is.EqualTo("Hello, Ann"));
        Assert.That(execution.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Run_reads_the_input_from_a_file()
    {
        using var program = new TestProgram();
        File.WriteAllText(Path.Combine(program.Directory, "name.json"), "\"File\"");

        var result = await program.RunAsync("run", "greet", "--input", "@name.json", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.That(json.RootElement.GetProperty("output").GetString(), Is.EqualTo("Hello, File"));
    }

    [Test]
    public async Task A_failed_workflow_exits_1_and_show_names_the_error()
    {
        using var program = new TestProgram();

        var result = await program.RunAsync("run", "explode", "--input", "\"now\"", "--id", "boom-1");
        var shown = await program.RunAsync("show", "boom-1");

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.Failed), result.ToString());
        Assert.That(result.Output, Does.Contain("Failed").And.Contain("error: TaskFailedException:").And.Contain("boom: now"));
        Assert.That(shown.ExitCode, Is.EqualTo(FluxExitCode.Succeeded), shown.ToString());
        Assert.That(shown.Output, Does.Match(@"TaskFailed\s*│\s*Explode_[0-9a-f]{16}\s*│\s*[\d.]+ (ms|µs|s)\s*│\s*TaskFailedException: .*boom: now"));
        Assert.That(shown.Output, Does.Match(@"WorkflowFailed\s*│\s*explode\s*│"));
    }

    [Test]
    public async Task An_id_already_in_the_store_is_a_conflict()
    {
        using var program = new TestProgram();
        await program.RunAsync("run", "greet", "--input", "\"A\"", "--id", "same");

        var again = await program.RunAsync("run", "greet", "--input", "\"B\"", "--id", "same");

        Assert.That(again.ExitCode, Is.EqualTo(FluxExitCode.Conflict), again.ToString());
        Assert.That(again.Error, Does.Contain("already has an execution 'same'").And.Contain("--id"));
    }

    [TestCase(new[] { "run", "nope" }, "Unknown workflow 'nope': run 'testapp workflows'")]
    [TestCase(new[] { "run", "gated_map", "--input", "\"text\"" }, "Workflow 'gated_map' takes a GateInput input, which the JSON given does not fit")]
    [TestCase(new[] { "run", "greet", "--input", "Joe" }, "--input is not valid JSON")]
    [TestCase(new[] { "run", "greet", "--input", "@missing.json" }, "The input file 'missing.json' does not exist")]
    [TestCase(new[] { "run", "greet" }, "Workflow 'greet' needs an input of type string: give --input JSON of type string, for example --input '\"text\"'")]
    [TestCase(new[] { "list", "--state", "sleeping" }, "Unknown state 'sleeping' for --state: give one of created, running, paused")]
    [TestCase(new[] { "list", "--workflow", "nope" }, "Unknown workflow 'nope'")]
    [TestCase(new[] { "frobnicate" }, "Run 'testapp --help' for usage.")]
    [TestCase(new[] { "show" }, "Run 'testapp show --help' for usage.")]
    public async Task Bad_input_gets_one_line_that_names_the_fix(string[] args, string expected)
    {
        using var program = new TestProgram();

        var result = await program.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.BadInput), result.ToString());
        Assert.That(result.Error, Does.StartWith("error: ").And.Contain(expected));
        Assert.That(result.Error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), "one line");
        Assert.That(result.Output, Is.Empty);
        Assert.That(File.Exists(program.DefaultStore), Is.False, "bad input stores nothing");
    }

    [TestCase("show")]
    [TestCase("resume")]
    [TestCase("cancel")]
    [TestCase("watch")]
    public async Task An_unknown_execution_is_not_found(string command)
    {
        using var program = new TestProgram();
        await program.RunAsync("run", "greet", "--input", "\"A\"");

        var result = await program.RunAsync(command, "no-such-id");

        Assert.That(result.ExitCode, Is.EqualTo(FluxExitCode.NotFound), result.ToString());
        Assert.That(result.Error, Does.Contain("No execution 'no-such-id' in the store 'flux.db'").And.Contain("--store"));
    }
}
