using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Flux.AspNetCore.Tests.Support;

namespace Flux.AspNetCore.Tests;

/// <summary><c>GET executions/{id}/events/stream</c>: server-sent events, live while the execution runs.</summary>
public sealed class EventStreamTests : ApiTest
{
    [Test]
    public async Task A_running_execution_streams_its_events_live_then_an_end_message_with_its_state()
    {
        await App.Client.StartAsync("gated", Input("live"), "live-1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/flux/executions/live-1/events/stream");
        request.Headers.Accept.Add(Support.Http.EventStream);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).Guard();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        await using var stream = await response.Content.ReadAsStreamAsync();
        await using var items = SseParser.Create(stream).EnumerateAsync().GetAsyncEnumerator();

        // Events arrive while a task waits at its gate: the execution is running as they are read. (A task's start
        // is committed with the next completion, so the last event stored before the gate is Shout's completion.)
        await Gates.Reached("live");
        var early = new List<SseItem<string>>();
        while (early.Count == 0 || !IsEvent(early[^1], "TaskCompleted", "Shout"))
        {
            Assert.That(await items.MoveNextAsync().AsTask().Guard(), Is.True);
            early.Add(items.Current);
        }

        Assert.That((await App.Client.GetAsync("live-1"))!.State, Is.EqualTo(ExecutionState.Running));
        Assert.That(Type(early[0]), Is.EqualTo("WorkflowStarted"));
        Assert.That(early.Select(e => e.EventType), Is.All.EqualTo("message"));

        Gates.Open("live");
        var rest = new List<SseItem<string>>();
        while (await items.MoveNextAsync().AsTask().Guard())
        {
            rest.Add(items.Current);
        }

        Assert.That(rest[^1].EventType, Is.EqualTo("end"));
        using var end = JsonDocument.Parse(rest[^1].Data);
        Assert.That(end.RootElement.GetProperty("state").GetString(), Is.EqualTo("Succeeded"));
        Assert.That(end.RootElement.GetProperty("output").GetString(), Is.EqualTo("LIVE!"));
        var streamed = early.Concat(rest.SkipLast(1)).ToArray();
        Assert.That(Type(streamed[^1]), Is.EqualTo("WorkflowCompleted"));
        var stored = new List<StoredEvent>();
        await foreach (var e in App.Client.GetEventsAsync("live-1"))
        {
            stored.Add(e);
        }

        Assert.That(streamed.Select(e => e.EventId), Is.EqualTo(stored.Select(e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Test]
    public async Task A_reconnecting_client_goes_on_after_its_Last_Event_ID()
    {
        await App.Client.RunAsync("checkout", Input(new Order("o", 1, [])), "done-1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/flux/executions/done-1/events/stream");
        request.Headers.Add("Last-Event-ID", "2");

        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).Guard();
        var items = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            items.Add(item);
        }

        var record = (await App.Client.GetAsync("done-1"))!;
        Assert.That(items.SkipLast(1).Select(e => e.EventId), Is.EqualTo(Enumerable.Range(3, (int)record.LastSequence - 2).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(items[^1].EventType, Is.EqualTo("end"));

        var bad = await Http.GetAsync("/flux/executions/done-1/events/stream?after=x");
        Assert.That(await bad.ProblemAtAsync("after"), Does.StartWith("'after' takes a whole number"));
    }

    private static string? Type(SseItem<string> item)
    {
        using var document = JsonDocument.Parse(item.Data);
        return document.RootElement.GetProperty("type").GetString();
    }

    private static bool IsEvent(SseItem<string> item, string type, string task)
    {
        using var document = JsonDocument.Parse(item.Data);
        return document.RootElement.GetProperty("type").GetString() == type && document.RootElement.GetProperty("name").GetString() == task;
    }
}
