using Flux.Generators.Tests.Behaviour;

namespace Flux.Generators.Tests;

/// <summary>The generated handles at run time: the classes of <c>Behaviour/</c>, compiled with the generator.</summary>
public sealed class BehaviourTests
{
    private static async IAsyncEnumerable<T> Async<T>(params T[] items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> stream)
    {
        var list = new List<T>();
        await foreach (var item in stream)
        {
            list.Add(item);
        }

        return list;
    }

    [Test]
    public async Task ParallelWorkflowRunsEndToEnd()
    {
        var context = await Greetings.ParallelWorkflow.RunAsync("Joe");

        Assert.That(context.HasSucceeded, Is.True, context.Error?.ToString());
        Assert.That(context.Output, Is.EqualTo(new[] { "Hi, Joe", "Hello, Joe" }));
        Assert.That(Greetings.ParallelWorkflow.Name, Is.EqualTo("Parallel"));
    }

    [Test]
    public async Task WorkflowRejectsANullInputForANonNullableType() =>
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Greetings.ParallelWorkflow.RunAsync(null!));

    [Test]
    public async Task CallRunsLazily()
    {
        var call = Greetings.SayHiTask.Call("Ann");
        Assert.That(call.HasStarted, Is.False);
        Assert.That(await call, Is.EqualTo("Hi, Ann"));
        Assert.That(await Greetings.GreetTask.Call("Hey", "Bo"), Is.EqualTo("Hey, Bo"));
        Assert.That(await Greetings.AnswerTask.Call(), Is.EqualTo(42));
    }

    [Test]
    public async Task MapOverOneParameter()
    {
        var names = new[] { "a", "b", "c" };
        Assert.That(await Greetings.SayHiTask.Map(names), Is.EqualTo(new[] { "Hi, a", "Hi, b", "Hi, c" }));
        Assert.That(await Greetings.SayHelloTask.Map(Async(names)), Is.EqualTo(new[] { "Hello, a", "Hello, b", "Hello, c" }));

        var outcomes = await Greetings.SayHiTask.MapOutcomes(names);
        Assert.That(outcomes.Select(o => o.Value), Is.EqualTo(new[] { "Hi, a", "Hi, b", "Hi, c" }));

        Assert.That(await ToListAsync(Greetings.SayHiTask.MapStream(names)), Is.EquivalentTo(new[] { "Hi, a", "Hi, b", "Hi, c" }));
        Assert.That(await ToListAsync(Greetings.SayHiTask.MapStream(Async(names))), Is.EquivalentTo(new[] { "Hi, a", "Hi, b", "Hi, c" }));
        Assert.That(await Greetings.SayHiTask.Map(Array.Empty<string>()), Is.Empty);
    }

    [Test]
    public async Task MapOverSeveralParameters()
    {
        Assert.That(await Greetings.GreetTask.Map("Hi", new[] { "Ann", "Bo" }), Is.EqualTo(new[] { "Hi, Ann", "Hi, Bo" }));
        Assert.That(await Greetings.GreetTask.Map(new[] { "Hi", "Yo" }, "Ann"), Is.EqualTo(new[] { "Hi, Ann", "Yo, Ann" }));
        Assert.That(await Greetings.GreetTask.Map(new[] { ("Hi", "Ann"), ("Yo", "Bo") }), Is.EqualTo(new[] { "Hi, Ann", "Yo, Bo" }));
        Assert.That(
            await Greetings.GreetTask.Map(Async((greeting: "Hi", name: "Cy")), new BatchOptions { MaxConcurrency = 1 }),
            Is.EqualTo(new[] { "Hi, Cy" }));
    }

    [Test]
    public async Task TaskWithoutResult()
    {
        await Greetings.RecordTask.Call("one");
        var results = await Greetings.RecordTask.Map(new[] { "two", "three" });

        Assert.That(results, Has.Length.EqualTo(2));
        Assert.That(Greetings.Log, Is.SupersetOf(new[] { "one", "two", "three" }));
        Assert.That(Greetings.RecordTask.ResultType, Is.EqualTo(typeof(ValueTuple)));
    }

    [Test]
    public void HandleMetadata()
    {
        Assert.That(Greetings.AnswerTask.Name, Is.EqualTo("the-answer"));
        Assert.That(Greetings.SayHiTask.IsSynchronous, Is.True);
        Assert.That(Greetings.SayHelloTask.IsSynchronous, Is.False);
        Assert.That(Greetings.SayHelloTask.ParameterTypes, Is.EqualTo(new[] { typeof(string) }), "the token is not a parameter");
        Assert.That(Greetings.GreetTask.ParameterTypes, Is.EqualTo(new[] { typeof(string), typeof(string) }));
        Assert.That(Greetings.GreetTask.Options.Retries, Is.EqualTo(2));
        Assert.That(Greetings.GreetTask.Options.RetryDelay, Is.EqualTo(TimeSpan.FromMilliseconds(1)));
        Assert.That(Greetings.GreetTask.Options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(Greetings.SayHiTask.Options, Is.SameAs(TaskOptions.Default));

        var cached = Greetings.SayHiTask.WithOptions(TaskOptions.Default with { Cache = true });
        Assert.That(cached.Options.Cache, Is.True);
        Assert.That(cached.Name, Is.EqualTo("SayHi"));
        Assert.That(Greetings.SayHiTask.Options.Cache, Is.False);
    }

    [Test]
    public async Task UntypedCallsConvertTheirArguments()
    {
        TaskHandle handle = Greetings.GreetTask;
        Assert.That(await handle.CreateCall(["Hi", "Dee"]).RunUntypedAsync(), Is.EqualTo("Hi, Dee"));
        Assert.That(await ((TaskHandle)Greetings.AnswerTask).CreateCall([]).RunUntypedAsync(), Is.EqualTo(42));
        Assert.Throws<ArgumentException>(() => handle.CreateCall(["Hi"]));
    }

    [Test]
    public async Task InstanceTasksAndWorkflowsUseTheirInstance()
    {
        var counter = new Counter(10);
        Assert.That(await counter.AddTask.Call(5), Is.EqualTo(15));
        Assert.That(await new Counter(100).AddTask.Map(new[] { 1, 2 }), Is.EqualTo(new[] { 101, 102 }));
        Assert.That(counter.AddTask, Is.SameAs(counter.AddTask), "the handle is created once per instance");

        var context = await counter.TotalWorkflow.RunAsync(7);
        Assert.That(context.Output, Is.EqualTo(17));
    }

    [Test]
    public async Task CatalogListsEveryName()
    {
        Assert.That(FluxCatalog.WorkflowNames, Is.EqualTo(new[] { "Parallel", "Run", "Total" }));
        Assert.That(FluxCatalog.TaskNames, Is.EqualTo(new[] { "Add", "Breaks", "Echo", "Fails", "Greet", "Record", "SayHello", "SayHi", "Shout", "the-answer" }));
        Assert.That(FluxCatalog.Workflows.Select(w => w.Name), Is.EqualTo(new[] { "Parallel", "Run" }), "instance workflows need an instance");
        Assert.That(FluxCatalog.Tasks.Select(t => t.Name), Does.Not.Contain("Add"));

        Assert.That(FluxCatalog.TryGetWorkflow("Parallel", out var workflow), Is.True);
        var context = await workflow!.RunUntypedAsync("Eve");
        Assert.That(context.HasSucceeded, Is.True);

        Assert.That(FluxCatalog.TryGetTask("the-answer", out var task), Is.True);
        Assert.That(task, Is.SameAs(Greetings.AnswerTask));
        Assert.That(FluxCatalog.TryGetTask("nope", out _), Is.False);
        Assert.That(FluxCatalog.TryGetWorkflow("Total", out _), Is.False);
    }

    [Test]
    public async Task FallbackAnswersAfterTheRetries()
    {
        var before = Flaky.Attempts;
        Assert.That(await Flaky.FailsTask.Call(5), Is.EqualTo(-5));
        Assert.That(Flaky.Attempts - before, Is.EqualTo(3), "the first attempt and two retries");
    }

    [Test]
    public async Task RollbackRunsWhenTheTaskFinallyFails()
    {
        var error = await Assert.CatchAsync<Exception>(async () => await Flaky.BreaksTask.Call("order-1"));
        Assert.That(error!.ToString(), Does.Contain("broken order-1"));
        Assert.That(Flaky.RolledBack, Does.Contain("order-1"));
    }

    [Test]
    public async Task HandlesAreReadyForStaticInitializersWrittenBeforeThem()
    {
        Assert.That(SharedGraphs.Shared.Build().Nodes.Select(n => n.Task), Is.EqualTo(new TaskHandle[] { SharedGraphs.EchoTask, SharedGraphs.ShoutTask }));
        Assert.That(SharedGraphs.Kept, Is.SameAs(SharedGraphs.RunWorkflow));

        var context = await SharedGraphs.Kept.RunAsync("hi");
        Assert.That(context.Output, Is.EqualTo("HI"), context.Error?.ToString());
    }

    [Test]
    public void AStaticTaskHandleIsOneObject() =>
        Assert.That(SharedGraphs.EchoTask, Is.SameAs(SharedGraphs.EchoTask));

    [Test]
    public void TheDiagramOfAGraphMadeByAHelperIsTheRuntimeOne() =>
        Assert.That(SharedGraphs.RunWorkflow.Diagram, Is.EqualTo(SharedGraphs.Build().ToMermaid()).And.EqualTo(SharedGraphs.RunDiagram));
}
