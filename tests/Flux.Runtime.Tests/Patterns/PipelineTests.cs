using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Patterns;

public class PipelineTests
{
    private static readonly LambdaTask<int, int> MultiplyByTwo = LambdaTask.Of<int, int>("multiply_by_two", x => x * 2);
    private static readonly LambdaTask<int, int> AddThree = LambdaTask.Of<int, int>("add_three", x => x + 3);
    private static readonly LambdaTask<int, int> Square = LambdaTask.Of<int, int>("square", x => x * x);

    [Test]
    public async Task The_seed_pipeline_runs_each_stage_on_the_previous_result()
    {
        var ctx = await LambdaTask.RunWorkflow<int, int>(5, c => Workflow.Pipeline(c.Input, MultiplyByTwo, AddThree, Square));

        Assert.That(ctx.Output, Is.EqualTo(169));
        Assert.That(ctx.Events.Where(e => e.Type == ExecutionEventType.TaskStarted).Select(e => e.Name),
            Is.EqualTo(new[] { "multiply_by_two", "add_three", "square" }));
    }

    [Test]
    public async Task Stages_may_change_the_type()
    {
        var format = LambdaTask.Of<int, string>("format", x => $"#{x}");
        var length = LambdaTask.Of<string, int>("length", s => s.Length);

        var ctx = await LambdaTask.RunWorkflow<int, int>(123, c => Workflow.Pipeline(c.Input, format, length));

        Assert.That(ctx.Output, Is.EqualTo(4));
    }

    [Test]
    public async Task A_failing_stage_stops_the_pipeline_and_is_named()
    {
        var explode = LambdaTask.Of<int, int>("explode", _ => throw new InvalidOperationException("stage broke"));

        var ctx = await LambdaTask.RunWorkflow<int, int>(5, c => Workflow.Pipeline(c.Input, MultiplyByTwo, explode, Square));

        Assert.That(ctx.Error, Is.InstanceOf<TaskFailedException>().With.Property(nameof(TaskFailedException.TaskName)).EqualTo("explode"));
        Assert.That(ctx.Events.Any(e => e.Name == "square"), Is.False);
    }

    [Test]
    public void A_null_stage_is_rejected_with_its_position()
    {
        Assert.That(() => Workflow.Pipeline(1, MultiplyByTwo, (ITask<int, int>)null!),
            Throws.ArgumentNullException.With.Message.Contains("Stage 2 of the pipeline is null"));
    }
}
