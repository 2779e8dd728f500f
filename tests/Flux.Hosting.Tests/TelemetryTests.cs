using System.Diagnostics;
using System.Text.Json;
using Flux.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Flux.Hosting.Tests;

/// <summary>Traces and metrics of the "Flux" ActivitySource and Meter, collected by OpenTelemetry's in-memory exporter.</summary>
[NonParallelizable]
public sealed class TelemetryTests
{
    private const string Secret = "s3cr3t-token";
    private static readonly ActivitySource s_app = new("Flux.Hosting.Tests.App");

    private readonly List<Activity> _spans = [];
    private TracerProvider _tracing = null!;

    [SetUp]
    public void SetUp()
    {
        Gates.Reset();
        _spans.Clear();
        _tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(FluxTelemetry.Name, s_app.Name)
            .AddInMemoryExporter(_spans)
            .Build()!;
    }

    [TearDown]
    public void TearDown() => _tracing.Dispose();

    [Test]
    public async Task A_run_is_a_span_under_the_callers_and_each_call_a_span_under_the_one_it_was_made_in()
    {
        string output;
        ActivityContext request;
        using (var caller = s_app.StartActivity("request"))
        {
            request = caller!.Context;
            var ctx = await TracedWorkflow.Workflow.RunAsync($"ok-{Secret}", new RunOptions { ExecutionId = "traced-1" });
            output = ctx.GetOutputOrThrow();
            Assert.That(Activity.Current, Is.SameAs(caller), "the caller's current activity is its own again");
        }

        var run = Span("workflow traced", "traced-1");
        Assert.That(run.ParentSpanId, Is.EqualTo(request.SpanId), "the caller's trace context flows into the execution");
        Assert.That(run.TraceId, Is.EqualTo(request.TraceId));
        Assert.That(run.GetTagItem(FluxTelemetry.WorkflowTag), Is.EqualTo("traced"));
        Assert.That(run.GetTagItem(FluxTelemetry.OutcomeTag), Is.EqualTo("succeeded"));
        Assert.That(run.Status, Is.EqualTo(ActivityStatusCode.Unset));

        var outer = Span("task Outer", "traced-1");
        var greet = Span("task Greet", "traced-1");
        var where = Span("task Where", "traced-1");
        var flaky = Span("task Flaky", "traced-1");
        Assert.That(new[] { outer.ParentSpanId, where.ParentSpanId, flaky.ParentSpanId }, Is.All.EqualTo(run.SpanId));
        Assert.That(greet.ParentSpanId, Is.EqualTo(outer.SpanId), "a call made in a task's body is a child of that call");
        Assert.That(output, Does.Contain($"/ task Outer | task Where {run.SpanId} |"), "while a body runs, its call's span is the current activity");

        Assert.That(greet.GetTagItem(FluxTelemetry.TaskTag), Is.EqualTo("Greet"));
        Assert.That(greet.GetTagItem(FluxTelemetry.ExecutionIdTag), Is.EqualTo("traced-1"));
        Assert.That((string)greet.GetTagItem(FluxTelemetry.CallIdTag)!, Does.Match("^Outer_[0-9a-f]{16}/Greet_[0-9a-f]{16}$"));
        Assert.That(greet.GetTagItem(FluxTelemetry.AttemptTag), Is.EqualTo(1));
        Assert.That(flaky.GetTagItem(FluxTelemetry.AttemptTag), Is.EqualTo(2), "the retry is the second attempt");
        Assert.That(flaky.GetTagItem(FluxTelemetry.OutcomeTag), Is.EqualTo("succeeded"));
        Assert.That(flaky.Events.Single().Name, Is.EqualTo("flux.retry"));

        var everything = _spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Value}").Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{t.Value}"))).Append(s.DisplayName));
        Assert.That(everything.Where(text => text.Contains(Secret, StringComparison.Ordinal)), Is.Empty, "no argument, input, result or output is put on a span");
    }

    [Test]
    public async Task A_failure_is_an_exception_event_and_an_error_status_on_its_call_and_its_run()
    {
        var ctx = await TracedWorkflow.Workflow.RunAsync("fail-1", new RunOptions { ExecutionId = "traced-2" });

        Assert.That(ctx.HasFailed, Is.True);
        var boom = Span("task Boom", "traced-2");
        Assert.That(boom.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(boom.StatusDescription, Does.Contain("boom"));
        Assert.That(boom.GetTagItem(FluxTelemetry.OutcomeTag), Is.EqualTo("failed"));
        var exception = boom.Events.Single(e => e.Name == "exception");
        Assert.That(exception.Tags.First(t => t.Key == "exception.type").Value, Is.EqualTo(typeof(TaskFailedException).FullName));
        var run = Span("workflow traced", "traced-2");
        Assert.That(run.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(run.GetTagItem(FluxTelemetry.OutcomeTag), Is.EqualTo("failed"));
        Assert.That(run.Events.Count(e => e.Name == "exception"), Is.EqualTo(1));
    }

    [Test]
    public async Task Counters_and_histograms_count_runs_and_calls_by_outcome()
    {
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(FluxTelemetry.Name).AddInMemoryExporter(metrics).Build()!;

        await TracedWorkflow.Workflow.RunAsync("ok-m", new RunOptions { ExecutionId = "metered-1" });
        await TracedWorkflow.Workflow.RunAsync("fail-m", new RunOptions { ExecutionId = "metered-2" });
        meters.ForceFlush();

        Assert.That(Sum(metrics, "flux.executions", ("flux.workflow", "traced"), ("flux.outcome", "succeeded")), Is.EqualTo(1));
        Assert.That(Sum(metrics, "flux.executions", ("flux.workflow", "traced"), ("flux.outcome", "failed")), Is.EqualTo(1));
        Assert.That(Sum(metrics, "flux.task.calls", ("flux.task", "Greet"), ("flux.outcome", "succeeded")), Is.EqualTo(2));
        Assert.That(Sum(metrics, "flux.task.calls", ("flux.task", "Boom"), ("flux.outcome", "failed")), Is.EqualTo(1));
        Assert.That(Count(metrics, "flux.execution.duration", ("flux.workflow", "traced"), ("flux.outcome", "failed")), Is.EqualTo(1));
        Assert.That(Count(metrics, "flux.task.duration", ("flux.task", "Flaky"), ("flux.outcome", "succeeded")), Is.EqualTo(2));
        Assert.That(metrics.Single(m => m.Name == "flux.task.duration").Unit, Is.EqualTo("s"));
    }

    [Test]
    public async Task A_host_client_run_is_a_child_of_the_span_it_was_started_in()
    {
        using var db = new TempDatabase();
        using var host = TestHost.Build(new FakeTimeProvider(TestHost.Start), services => services
            .AddFlux(f => f.UseSqlite(db.Path).AddWorkflows([TracedWorkflow.Workflow])));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IFluxClient>();

        ActivityContext request;
        using (var caller = s_app.StartActivity("request"))
        {
            request = caller!.Context;
            await client.RunAsync("traced", JsonSerializer.SerializeToElement("durable"), "traced-3");
        }

        var run = Span("workflow traced", "traced-3");
        Assert.That(run.ParentSpanId, Is.EqualTo(request.SpanId));
        Assert.That(_spans.Where(s => Equals(s.GetTagItem(FluxTelemetry.ExecutionIdTag), "traced-3") && s.DisplayName.StartsWith("task ", StringComparison.Ordinal)).Select(s => s.DisplayName),
            Is.EquivalentTo(new[] { "task Outer", "task Greet", "task Where", "task Flaky" }));
        await host.StopAsync();
    }

    [Test]
    public async Task With_nobody_listening_no_span_is_made_and_a_body_sees_its_callers_activity()
    {
        _tracing.Dispose(); // the only listener of the Flux source in this test run

        using var caller = new Activity("not-sampled").Start();
        var ctx = await TracedWorkflow.Workflow.RunAsync("quiet", new RunOptions { ExecutionId = "quiet-1" });

        Assert.That(FluxTelemetry.ActivitySource.HasListeners(), Is.False);
        Assert.That(ctx.GetOutputOrThrow(), Does.Contain($"/ not-sampled | not-sampled {caller.ParentSpanId} |"), "no span of Flux came between the caller and the task bodies");
        Assert.That(_spans.Where(s => Equals(s.GetTagItem(FluxTelemetry.ExecutionIdTag), "quiet-1")), Is.Empty);
    }

    private Activity Span(string name, string executionId) =>
        _spans.Single(s => s.DisplayName == name && Equals(s.GetTagItem(FluxTelemetry.ExecutionIdTag), executionId));

    private static long Sum(List<Metric> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumLong());

    private static long Count(List<Metric> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetHistogramCount());

    private static List<MetricPoint> Points(List<Metric> metrics, string name, (string Key, string Value)[] tags)
    {
        var found = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pairs = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pairs[tag.Key] = tag.Value;
                }

                if (tags.All(t => Equals(pairs.GetValueOrDefault(t.Key), t.Value)))
                {
                    found.Add(point);
                }
            }
        }

        return found;
    }
}
