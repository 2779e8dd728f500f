using System.Net;
using Flux.AspNetCore.Tests.Support;

namespace Flux.AspNetCore.Tests;

/// <summary>Starting, reading, listing, resuming and cancelling executions.</summary>
public sealed class ExecutionEndpointTests : ApiTest
{
    private const string Order = """{"Id":"o-1","Amount":12.5,"Lines":[{"Sku":"a","Quantity":2},{"Sku":"b","Quantity":3}]}""";

    [Test]
    public async Task A_start_answers_202_at_once_with_the_id_and_location_while_the_execution_runs()
    {
        var response = await Http.PostAsync("/flux/workflows/gated/executions?id=run-1", Support.Http.Json("\"go\""));

        var started = await response.ReadAsync(HttpStatusCode.Accepted);
        Assert.That(started.GetProperty("executionId").GetString(), Is.EqualTo("run-1"));
        Assert.That(started.GetProperty("workflow").GetString(), Is.EqualTo("gated"));
        Assert.That(started.GetProperty("state").GetString(), Is.EqualTo("Running"));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/flux/executions/run-1"));

        await Gates.Reached("go");
        var running = await (await Http.GetAsync(response.Headers.Location)).ReadAsync(HttpStatusCode.OK);
        Assert.That(running.GetProperty("state").GetString(), Is.EqualTo("Running"));
        Assert.That(running.GetProperty("output").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));

        Gates.Open("go");
        await SettledAsync("run-1").Guard();
        var done = await (await Http.GetAsync("/flux/executions/run-1")).ReadAsync(HttpStatusCode.OK);
        Assert.That(done.GetProperty("state").GetString(), Is.EqualTo("Succeeded"));
        Assert.That(done.GetProperty("output").GetString(), Is.EqualTo("GO!"));
        Assert.That(done.GetProperty("finishedAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.String));
    }

    [Test]
    public async Task A_start_with_wait_answers_200_with_the_output_once_it_finished()
    {
        var done = await (await Http.PostAsync("/flux/workflows/checkout/executions?wait=true", Support.Http.Json(Order))).ReadAsync(HttpStatusCode.OK);

        Assert.That(done.GetProperty("state").GetString(), Is.EqualTo("Succeeded"));
        Assert.That(done.GetProperty("output").GetRawText(), Is.EqualTo("""{"OrderId":"o-1","Total":12.5,"Items":5}"""));
        Assert.That(done.GetProperty("executionId").GetString(), Has.Length.EqualTo(32));
    }

    [Test]
    public async Task A_failed_execution_has_its_error_and_its_retries_are_in_its_events()
    {
        var failed = await (await Http.PostAsync("/flux/workflows/failing/executions?wait", Support.Http.Json("\"bad\""))).ReadAsync(HttpStatusCode.OK);

        Assert.That(failed.GetProperty("state").GetString(), Is.EqualTo("Failed"));
        Assert.That(failed.GetProperty("error").GetProperty("message").GetString(), Does.Contain("bad"));
        Assert.That(failed.GetProperty("error").GetProperty("type").GetString(), Does.Contain("InvalidOperationException").Or.Contain("TaskFailedException"));
        var id = failed.GetProperty("executionId").GetString();
        var page = await (await Http.GetAsync($"/flux/executions/{id}/events")).ReadAsync(HttpStatusCode.OK);
        var types = page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToArray();
        Assert.That(types, Does.Contain("TaskRetryFailed").And.Contain("TaskFailed"));
        Assert.That(types[0], Is.EqualTo("WorkflowStarted"));
        Assert.That(types[^1], Is.EqualTo("WorkflowFailed"));
    }

    [Test]
    public async Task Input_that_does_not_fit_the_workflow_is_a_400_problem_that_names_the_field()
    {
        var amount = await Http.PostAsync("/flux/workflows/checkout/executions", Support.Http.Json("""{"Id":"o","Amount":"ten","Lines":[]}"""));
        Assert.That(await amount.ProblemAtAsync("$.Amount"), Is.EqualTo("Order.Amount takes a decimal (a JSON number); found a JSON string: \"ten\"."));

        var nested = await Http.PostAsync("/flux/workflows/checkout/executions", Support.Http.Json("""{"Id":"o","Amount":1,"Lines":[{"Sku":"a","Quantity":1},{"Sku":"b","Quantity":"x"}]}"""));
        Assert.That(await nested.ProblemAtAsync("$.Lines[1].Quantity"), Is.EqualTo("Line.Quantity takes an int (a JSON integer); found a JSON string: \"x\"."));

        var notJson = await Http.PostAsync("/flux/workflows/checkout/executions", Support.Http.Json("""{"Id":"""));
        Assert.That(await notJson.ProblemAtAsync("$"), Does.StartWith("The body is not valid JSON"));

        var text = await Http.PostAsync("/flux/workflows/checkout/executions", new StringContent("hello"));
        Assert.That(text.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));

        var empty = await Http.PostAsync("/flux/workflows/checkout/executions", null);
        Assert.That(await empty.ProblemAtAsync("$"), Does.Contain("checkout").And.Contain("non-null"));

        var wait = await Http.PostAsync("/flux/workflows/checkout/executions?wait=soon", Support.Http.Json(Order));
        Assert.That(await wait.ProblemAtAsync("wait"), Is.EqualTo("'wait' takes true or false; found 'soon'."));

        var page = await App.Client.QueryAsync(new ExecutionQuery());
        Assert.That(page.Items, Is.Empty, "Bad input stores nothing.");
    }

    [Test]
    public async Task Unknown_workflows_and_executions_are_404_and_a_taken_id_is_409()
    {
        Assert.That((await Http.PostAsync("/flux/workflows/nope/executions", Support.Http.Json("1"))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Http.GetAsync("/flux/executions/nope")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Http.GetAsync("/flux/executions/nope/events")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Http.GetAsync("/flux/executions/nope/events/stream")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Http.PostAsync("/flux/executions/nope/resume", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var cancel = await (await Http.PostAsync("/flux/executions/nope/cancel", null)).ReadAsync(HttpStatusCode.NotFound);
        Assert.That(cancel.GetProperty("detail").GetString(), Is.EqualTo("No execution has the id 'nope'."));

        await (await Http.PostAsync("/flux/workflows/checkout/executions?id=twice&wait=true", Support.Http.Json(Order))).ReadAsync(HttpStatusCode.OK);
        var again = await (await Http.PostAsync("/flux/workflows/checkout/executions?id=twice", Support.Http.Json(Order))).ReadAsync(HttpStatusCode.Conflict);
        Assert.That(again.GetProperty("detail").GetString(), Does.Contain("'twice' already exists"));
    }

    [Test]
    public async Task Executions_are_listed_newest_first_filtered_by_workflow_and_state_page_by_page()
    {
        await App.Client.RunAsync("checkout", Input(new Order("a", 1, [])), "c-1");
        await App.Client.RunAsync("checkout", Input(new Order("b", 2, [])), "c-2");
        await App.Client.RunAsync("approval", Input("ann"), "p-1");
        await App.Client.RunAsync("failing", Input("x"), "f-1");

        var all = await (await Http.GetAsync("/flux/executions")).ReadAsync(HttpStatusCode.OK);
        Assert.That(Ids(all), Is.EquivalentTo(new[] { "c-1", "c-2", "p-1", "f-1" }));
        var checkouts = await (await Http.GetAsync("/flux/executions?workflow=checkout")).ReadAsync(HttpStatusCode.OK);
        Assert.That(Ids(checkouts), Is.EquivalentTo(new[] { "c-1", "c-2" }));
        var settled = await (await Http.GetAsync("/flux/executions?state=paused,Failed")).ReadAsync(HttpStatusCode.OK);
        Assert.That(Ids(settled), Is.EquivalentTo(new[] { "p-1", "f-1" }));
        var repeated = await (await Http.GetAsync("/flux/executions?state=Paused&state=Succeeded&workflow=approval")).ReadAsync(HttpStatusCode.OK);
        Assert.That(Ids(repeated), Is.EqualTo(new[] { "p-1" }));

        var first = await (await Http.GetAsync("/flux/executions?limit=3")).ReadAsync(HttpStatusCode.OK);
        var token = first.GetProperty("continuationToken").GetString();
        Assert.That(token, Is.Not.Null);
        var second = await (await Http.GetAsync($"/flux/executions?limit=3&continuation={Uri.EscapeDataString(token!)}")).ReadAsync(HttpStatusCode.OK);
        Assert.That(Ids(first).Concat(Ids(second)), Is.EquivalentTo(new[] { "c-1", "c-2", "p-1", "f-1" }));
        Assert.That(second.GetProperty("continuationToken").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));

        Assert.That(await (await Http.GetAsync("/flux/executions?state=Sleeping")).ProblemAtAsync("state"),
            Is.EqualTo("'state' takes Created, Running, Paused, Succeeded, Failed, Cancelled; found 'Sleeping'."));
        Assert.That(await (await Http.GetAsync("/flux/executions?limit=0")).ProblemAtAsync("limit"), Is.EqualTo("'limit' takes a whole number from 1 to 1000; found '0'."));
        Assert.That(await (await Http.GetAsync("/flux/executions?continuation=bogus")).ProblemAtAsync("continuation"), Does.Contain("was not issued by a Flux store"));

        static string?[] Ids(System.Text.Json.JsonElement list) =>
            list.GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("executionId").GetString()).ToArray();
    }

    [Test]
    public async Task Events_are_paged_after_a_sequence_number()
    {
        await App.Client.RunAsync("checkout", Input(new Order("a", 1, [])), "e-1");
        var stored = new List<StoredEvent>();
        await foreach (var e in App.Client.GetEventsAsync("e-1"))
        {
            stored.Add(e);
        }

        var seen = new List<System.Text.Json.JsonElement>();
        var url = "/flux/executions/e-1/events?limit=2";
        while (true)
        {
            var page = await (await Http.GetAsync(url)).ReadAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("events").EnumerateArray());
            if (page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                break;
            }

            Assert.That(page.GetProperty("events").GetArrayLength(), Is.EqualTo(2));
            url = $"/flux/executions/e-1/events?limit=2&after={page.GetProperty("next").GetInt64()}";
        }

        Assert.That(seen.Select(e => e.GetProperty("sequence").GetInt64()), Is.EqualTo(stored.Select(e => e.Sequence)));
        Assert.That(seen.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(stored.Select(e => e.Type.ToString())));
        var completed = seen.Single(e => e.GetProperty("type").GetString() == "TaskCompleted");
        Assert.That(completed.GetProperty("name").GetString(), Is.EqualTo("Charge"));
        Assert.That(completed.GetProperty("callId").GetString(), Does.StartWith("Charge_"));
        Assert.That(completed.GetProperty("payload").GetProperty("OrderId").GetString(), Is.EqualTo("a"));
        Assert.That(await (await Http.GetAsync("/flux/executions/e-1/events?after=-1")).ProblemAtAsync("after"), Does.StartWith("'after' takes a whole number"));
    }

    [Test]
    public async Task A_paused_execution_resumes_with_the_JSON_body_as_its_pause_value()
    {
        var paused = await (await Http.PostAsync("/flux/workflows/approval/executions?wait=true&id=ask", Support.Http.Json("\"ann\""))).ReadAsync(HttpStatusCode.OK);
        Assert.That(paused.GetProperty("state").GetString(), Is.EqualTo("Paused"));
        Assert.That(paused.GetProperty("pausedAt").GetString(), Is.EqualTo("approve"));

        var bad = await Http.PostAsync("/flux/executions/ask/resume", Support.Http.Json("tru"));
        Assert.That(await bad.ProblemAtAsync("$"), Does.StartWith("The body is not valid JSON"));

        var resumed = await (await Http.PostAsync("/flux/executions/ask/resume?wait=true", Support.Http.Json("true"))).ReadAsync(HttpStatusCode.OK);
        Assert.That(resumed.GetProperty("state").GetString(), Is.EqualTo("Succeeded"));
        Assert.That(resumed.GetProperty("output").GetString(), Is.EqualTo("approved by ann"));
    }

    [Test]
    public async Task A_resume_without_wait_answers_202_with_the_location()
    {
        await App.Client.RunAsync("approval", Input("bob"), "ask-2");

        var response = await Http.PostAsync("/flux/executions/ask-2/resume", Support.Http.Json("false"));

        await response.ReadAsync(HttpStatusCode.Accepted);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/flux/executions/ask-2"));
        var done = await SettledAsync("ask-2").Guard();
        Assert.That(System.Text.Encoding.UTF8.GetString(done.Output!), Is.EqualTo("\"rejected\""));
    }

    [Test]
    public async Task A_running_execution_is_cancelled_and_a_finished_one_cannot_be()
    {
        await App.Client.StartAsync("gated", Input("hold"), "stop-me");
        await Gates.Reached("hold");

        var cancel = await (await Http.PostAsync("/flux/executions/stop-me/cancel", null)).ReadAsync(HttpStatusCode.Accepted);

        Assert.That(cancel.GetProperty("cancelled").GetBoolean(), Is.True);
        Assert.That(cancel.GetProperty("execution").GetProperty("executionId").GetString(), Is.EqualTo("stop-me"));
        var record = await SettledAsync("stop-me").Guard();
        Assert.That(record.State, Is.EqualTo(ExecutionState.Cancelled));
        var again = await (await Http.PostAsync("/flux/executions/stop-me/cancel", null)).ReadAsync(HttpStatusCode.Conflict);
        Assert.That(again.GetProperty("detail").GetString(), Is.EqualTo("Execution 'stop-me' has cancelled: there is nothing to cancel."));
    }

    [Test]
    public async Task A_resume_value_that_does_not_fit_the_pause_fails_the_execution_with_an_error_that_names_the_pause()
    {
        // The API cannot check the value first: the pause's type (the T of Workflow.Pause<T>) is not recorded.
        await App.Client.RunAsync("approval", Input("cy"), "ask-3");

        var failed = await (await Http.PostAsync("/flux/executions/ask-3/resume?wait=true", Support.Http.Json("\"maybe\""))).ReadAsync(HttpStatusCode.OK);

        Assert.That(failed.GetProperty("state").GetString(), Is.EqualTo("Failed"));
        Assert.That(failed.GetProperty("error").GetProperty("message").GetString(), Does.Contain("pause 'approve'").And.Contain("'bool'"));
    }
}
