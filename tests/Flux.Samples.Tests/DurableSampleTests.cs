using System.Text.RegularExpressions;
using Flux.Samples;

namespace Flux.Samples.Tests;

/// <summary>Runs the durable samples (each on a SQLite file of its own, deleted after) and checks the story each prints.</summary>
public class DurableSampleTests
{
    private static async Task<string[]> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await SampleRunner.RunAsync(args, output, error);
        Assert.That(exitCode, Is.Zero, error.ToString());
        return output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }

    [Test]
    public async Task Pause_stops_for_the_approval_and_the_resume_continues_with_the_decision()
    {
        var lines = await Run("pause", "approve", "Mia");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "run: IsPaused=True, PausedAt='manager_approval', stored state Paused",
            "   1 WorkflowStarted",
            "   2 TaskStarted SubmitExpense",
            "   3 TaskCompleted SubmitExpense",
            "   4 TaskStarted flux:pause",
            "   5 TaskPaused flux:pause",
            "   6 WorkflowPaused",
            "resume with Approval { Approved = True, By = Mia }",
            "   7 WorkflowResumed",
            "   8 TaskResumed flux:pause",
            "   9 TaskCompleted flux:pause",
            "  10 TaskStarted PayExpense",
            "  11 TaskCompleted PayExpense",
            "  12 WorkflowCompleted",
            "SubmitExpense ran 1 time(s): the resume replayed it",
            "result: EXP-1 paid 120.00, approved by Mia",
        }));
    }

    [Test]
    public async Task Pause_resumed_with_a_rejection_ends_without_paying()
    {
        var lines = await Run("pause", "reject", "Kim");

        Assert.That(lines[^1], Is.EqualTo("result: EXP-1 rejected by Kim"));
        Assert.That(lines, Does.Not.Contain("  10 TaskStarted PayExpense"));
    }

    [Test]
    public async Task Pause_names_its_inputs_when_they_do_not_fit()
    {
        var error = new StringWriter();
        var exitCode = await SampleRunner.RunAsync(["pause", "maybe"], new StringWriter(), error);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("expected 'approve' or 'reject' and the approver's name"));
    }

    [Test]
    public async Task Resume_after_crash_replays_what_was_stored_before_the_kill_and_runs_the_rest()
    {
        var lines = await Run("resume_after_crash", "6", "3");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "run 1 died at item 3: the process was killed (simulated: the store stopped writing).",
            "in the file: state Running, 8 events",
            "resume: replayed items 0, 1, 2 (completed before the kill, not run again)",
            "resume: ran items 3, 4, 5",
            "result: Succeeded [0, 1, 4, 9, 16, 25]",
        }));
    }

    [Test]
    public async Task Resume_after_crash_at_another_item()
    {
        var lines = await Run("resume_after_crash", "5", "1");

        Assert.That(lines[2], Is.EqualTo("resume: replayed items 0 (completed before the kill, not run again)"));
        Assert.That(lines[3], Is.EqualTo("resume: ran items 1, 2, 3, 4"));
    }

    [Test]
    public async Task Determinism_shows_the_built_ins_replaying_their_first_values()
    {
        var lines = await Run("determinism", "Joe");

        Assert.That(lines, Has.Length.EqualTo(7));
        Assert.That(lines[0], Is.EqualTo("first pass recorded (then paused at 'look'):"));
        Assert.That(lines[1], Does.Match("""^  flux:now     "\d{4}-\d\d-\d\dT[0-9:.]+\+00:00"$"""));
        Assert.That(lines[2], Does.Match("""^  flux:guid    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"$"""));
        Assert.That(lines[3], Does.Match(@"^  flux:random  0\.\d+(E-\d+)?$"));
        Assert.That(lines[4], Is.EqualTo("  flux:sleep   waited 20 ms on this pass; its wake time is recorded: yes"));
        var guid = Regex.Match(lines[2], "[0-9a-f-]{36}").Value;
        Assert.That(lines[5], Does.StartWith("second pass (the resumed body ran again from the top) saw: now=").And.Contain($"guid={guid} "));
        Assert.That(lines[6], Is.EqualTo("the built-ins replayed their first values: yes; the sleep was not waited again"));
    }

    [Test]
    public async Task Child_workflow_is_an_execution_of_its_own_and_one_replayed_call_of_its_parent()
    {
        var lines = await Run("child_workflow", "o-7");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "parent 'fulfil-1' paused at 'customer_note'; its events:",
            "   1 WorkflowStarted",
            "   2 TaskStarted call:ship_order",
            "   3 TaskCompleted call:ship_order",
            "   4 TaskStarted flux:pause",
            "   5 TaskPaused flux:pause",
            "   6 WorkflowPaused",
            "child 'fulfil-1-5293e27fcef087bd' (ship_order, Succeeded); its events:",
            "   1 WorkflowStarted",
            "   2 TaskStarted PrintLabel",
            "   3 TaskCompleted PrintLabel",
            "   4 WorkflowCompleted",
            "after the resume, PrintLabel ran 1 time(s): the parent replayed its call of the child",
            "result: o-7 shipped as TRK-O-7; note: leave at the door",
        }));
    }

    [Test]
    public async Task All_runs_the_durable_samples_and_leaves_no_store_file_behind()
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-samples");
        var before = Directory.Exists(folder) ? Directory.GetDirectories(folder).Length : 0;

        var lines = await Run("all");

        Assert.That(lines, Does.Contain("$ pause approve Mia").And.Contain("$ resume_after_crash 6 3").And.Contain("$ determinism Joe").And.Contain("$ child_workflow o-7"));
        Assert.That(lines, Does.Contain("result: o-7 shipped as TRK-O-7; note: leave at the door"));
        Assert.That(Directory.Exists(folder) ? Directory.GetDirectories(folder).Length : 0, Is.LessThanOrEqualTo(before));
    }
}
