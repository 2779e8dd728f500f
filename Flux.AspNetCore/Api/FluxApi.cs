using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Flux.AspNetCore;

/// <summary>
/// The HTTP API over an <see cref="IFluxClient"/>: one handler per endpoint, each answering with the API's own JSON
/// (<see cref="FluxApiJson"/>), bad input with a problem that names the field, unknown ids with 404.
/// </summary>
internal sealed class FluxApi(FluxEndpointOptions options)
{
    /// <summary>The most items one page holds.</summary>
    public const int MaxPageSize = 1000;

    private const string GetExecutionName = "Flux.GetExecution";
    private const string JsonType = "application/json";

    private readonly WorkflowJson _json = new(options);

    public static void Map(RouteGroupBuilder group, FluxEndpointOptions options)
    {
        var api = new FluxApi(options);

        group.MapGet("/workflows", api.ListWorkflows)
            .WithName("Flux.ListWorkflows")
            .WithSummary("Lists the workflows, with the JSON schemas of their inputs and outputs.")
            .Produces<IReadOnlyList<WorkflowInfo>>(StatusCodes.Status200OK, JsonType);

        group.MapGet("/workflows/{name}", api.GetWorkflow)
            .WithName("Flux.GetWorkflow")
            .WithSummary("Describes one workflow.")
            .Produces<WorkflowInfo>(StatusCodes.Status200OK, JsonType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/workflows/{name}/diagram", GetDiagram)
            .WithName("Flux.GetWorkflowDiagram")
            .WithSummary("A workflow's graph as a Mermaid diagram (text).")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/workflows/{name}/executions", api.StartAsync)
            .WithName("Flux.StartExecution")
            .WithSummary("Starts an execution with the JSON body as its input: 202 at once, or 200 once it finished or paused with ?wait=true.")
            .Accepts<JsonElement>(JsonType)
            .Produces<ExecutionInfo>(StatusCodes.Status202Accepted, JsonType)
            .Produces<ExecutionInfo>(StatusCodes.Status200OK, JsonType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/executions", ListExecutionsAsync)
            .WithName("Flux.ListExecutions")
            .WithSummary("A page of executions, newest first, filtered by workflow and state.")
            .Produces<ExecutionList>(StatusCodes.Status200OK, JsonType)
            .ProducesValidationProblem();

        group.MapGet("/executions/{id}", GetExecutionAsync)
            .WithName(GetExecutionName)
            .WithSummary("An execution's state, output or error.")
            .Produces<ExecutionInfo>(StatusCodes.Status200OK, JsonType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/executions/{id}/events", api.GetEventsAsync)
            .WithName("Flux.GetExecutionEvents")
            .WithSummary("A page of an execution's events after a sequence number.")
            .Produces<ExecutionEventPage>(StatusCodes.Status200OK, JsonType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/executions/{id}/events/stream", StreamEventsAsync)
            .WithName("Flux.StreamExecutionEvents")
            .WithSummary("An execution's events as server-sent events, live until it finishes or pauses; then an 'end' event with the execution.")
            .Produces<ExecutionEventInfo>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/executions/{id}/resume", ResumeAsync)
            .WithName("Flux.ResumeExecution")
            .WithSummary("Resumes an execution, with the JSON body as the value its pause returns: 202 at once, or 200 once it finished or paused again with ?wait=true.")
            .Accepts<JsonElement>(JsonType)
            .Produces<ExecutionInfo>(StatusCodes.Status202Accepted, JsonType)
            .Produces<ExecutionInfo>(StatusCodes.Status200OK, JsonType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/executions/{id}/cancel", CancelAsync)
            .WithName("Flux.CancelExecution")
            .WithSummary("Cancels an execution wherever it runs.")
            .Produces<CancelResult>(StatusCodes.Status202Accepted, JsonType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private IResult ListWorkflows(IFluxClient client) =>
        Json<IReadOnlyList<WorkflowInfo>>(client.Workflows.Select(w => Describe(client, w)).ToArray(), FluxApiJson.Default.IReadOnlyListWorkflowInfo);

    private IResult GetWorkflow(string name, IFluxClient client) =>
        Find(client, name) is { } workflow
            ? Json(Describe(client, workflow), FluxApiJson.Default.WorkflowInfo)
            : Problems.UnknownWorkflow(client, name);

    private static IResult GetDiagram(string name, IFluxClient client)
    {
        if (Find(client, name) is not { } workflow)
        {
            return Problems.UnknownWorkflow(client, name);
        }

        return workflow.Diagram is { } diagram
            ? TypedResults.Text(diagram, "text/plain; charset=utf-8")
            : Problems.NotFound(
                "The workflow has no diagram",
                $"Workflow '{name}' has no diagram: only a graph known at build time (a declarative graph, or a fluent graph with constant node names) has one.");
    }

    private async Task<IResult> StartAsync(string name, HttpContext http, IFluxClient client, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (Find(client, name) is not { } workflow)
        {
            return Problems.UnknownWorkflow(client, name);
        }

        var wait = Parse.Flag(query, "wait");
        if (wait.Errors is { } waitErrors)
        {
            return Problems.Invalid(waitErrors);
        }

        var id = query["id"].ToString() is { Length: > 0 } given ? given : null;
        var (input, bodyErrors) = await JsonInput.ReadBodyAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (bodyErrors is not null)
        {
            return Problems.Invalid(bodyErrors, "The body is not JSON");
        }

        if (input is { } value && WorkflowJson.TypeInfo(_json.OptionsFor(client, workflow), workflow.InputType) is { } info
            && JsonInput.Check(value, info) is { } errors)
        {
            return Problems.Invalid(errors, $"The input does not fit workflow '{name}'", $"Workflow '{name}' takes {TypeNames.Of(workflow.InputType)} as input.");
        }

        ExecutionRecord started;
        try
        {
            started = await client.StartAsync(name, input, id, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException error) when (error.ParamName == "input")
        {
            return Problems.Invalid(JsonInput.Error("$", error.Message), $"The input does not fit workflow '{name}'");
        }
        catch (ExecutionAlreadyExistsException error)
        {
            return Problems.Conflict("The execution exists", $"An execution with id '{error.ExecutionId}' already exists: start with another id, or read that one.");
        }

        return await AnswerAsync(http, client, started, wait.Value, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> ListExecutionsAsync(HttpContext http, IFluxClient client, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var states = Parse.States(query, "state");
        var limit = Parse.Number(query, "limit", 1, MaxPageSize, 50);
        if (Parse.Merge(states.Errors, limit.Errors) is { } errors)
        {
            return Problems.Invalid(errors);
        }

        ExecutionPage page;
        try
        {
            page = await client.QueryAsync(
                new ExecutionQuery
                {
                    WorkflowName = query["workflow"].ToString() is { Length: > 0 } workflow ? workflow : null,
                    States = states.Value,
                    Limit = (int)limit.Value,
                    ContinuationToken = query["continuation"].ToString() is { Length: > 0 } token ? token : null,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException error) when (query["continuation"].Count > 0)
        {
            return Problems.Invalid(JsonInput.Error("continuation", error.Message));
        }

        return Json(new ExecutionList(page.Items.Select(ExecutionInfo.From).ToArray(), page.ContinuationToken), FluxApiJson.Default.ExecutionList);
    }

    private static async Task<IResult> GetExecutionAsync(string id, IFluxClient client, CancellationToken cancellationToken) =>
        await client.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } record
            ? Json(ExecutionInfo.From(record), FluxApiJson.Default.ExecutionInfo)
            : Problems.UnknownExecution(id);

    private async Task<IResult> GetEventsAsync(string id, HttpContext http, IFluxClient client, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var after = Parse.Number(query, "after", 0, long.MaxValue, 0);
        var limit = Parse.Number(query, "limit", 1, MaxPageSize, options.DefaultEventPageSize);
        if (Parse.Merge(after.Errors, limit.Errors) is { } errors)
        {
            return Problems.Invalid(errors);
        }

        if (await client.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.UnknownExecution(id);
        }

        var events = new List<ExecutionEventInfo>();
        var more = false;
        await foreach (var e in client.GetEventsAsync(id, after.Value, cancellationToken).ConfigureAwait(false))
        {
            if (events.Count == limit.Value)
            {
                more = true;
                break;
            }

            events.Add(ExecutionEventInfo.From(e));
        }

        return Json(new ExecutionEventPage(events, more ? events[^1].Sequence : null), FluxApiJson.Default.ExecutionEventPage);
    }

    private static async Task<IResult> StreamEventsAsync(string id, HttpContext http, IFluxClient client, CancellationToken cancellationToken)
    {
        // A browser's EventSource reconnects to the same URL with the id of the last event it got: go on after it.
        var after = Parse.Number(http.Request.Query, "after", 0, long.MaxValue, 0);
        var lastEventId = Parse.Number(
            new Dictionary<string, StringValues> { ["Last-Event-ID"] = http.Request.Headers["Last-Event-ID"] }.Where(h => h.Value.Count > 0),
            "Last-Event-ID", 0, long.MaxValue, 0);
        if (Parse.Merge(after.Errors, lastEventId.Errors) is { } errors)
        {
            return Problems.Invalid(errors);
        }

        if (await client.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.UnknownExecution(id);
        }

        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.ServerSentEvents(Stream(client, id, Math.Max(after.Value, lastEventId.Value), http.RequestAborted));
    }

    /// <summary>Each event as a message whose id is its sequence number, then an <c>end</c> message with the execution once it finished or paused.</summary>
    private static async IAsyncEnumerable<SseItem<string>> Stream(IFluxClient client, string id, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in client.WatchAsync(id, after, cancellationToken).ConfigureAwait(false))
        {
            var data = JsonSerializer.Serialize(ExecutionEventInfo.From(e), FluxApiJson.Default.ExecutionEventInfo);
            yield return new SseItem<string>(data) { EventId = e.Sequence.ToString(CultureInfo.InvariantCulture) };
        }

        if (await client.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } record)
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(ExecutionInfo.From(record), FluxApiJson.Default.ExecutionInfo), "end");
        }
    }

    private static async Task<IResult> ResumeAsync(string id, HttpContext http, IFluxClient client, CancellationToken cancellationToken)
    {
        var wait = Parse.Flag(http.Request.Query, "wait");
        if (wait.Errors is { } errors)
        {
            return Problems.Invalid(errors);
        }

        var (value, bodyErrors) = await JsonInput.ReadBodyAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (bodyErrors is not null)
        {
            return Problems.Invalid(bodyErrors, "The body is not JSON");
        }

        if (await client.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.UnknownExecution(id);
        }

        ExecutionRecord resumed;
        try
        {
            // The run is not tied to the request: a client that goes away stops waiting, never the execution.
            resumed = wait.Value
                ? await client.ResumeAsync(id, value, wait: true, CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false)
                : await client.ResumeAsync(id, value, wait: false, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionNotFoundException)
        {
            return Problems.UnknownExecution(id);
        }
        catch (ExecutionClaimException error)
        {
            return Problems.Conflict("The execution is running", error.Message);
        }

        SetLocation(http, resumed.ExecutionId);
        return Json(ExecutionInfo.From(resumed), FluxApiJson.Default.ExecutionInfo, wait.Value ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> CancelAsync(string id, IFluxClient client, CancellationToken cancellationToken)
    {
        if (await client.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return Problems.UnknownExecution(id);
        }

        if (IsFinished(record.State))
        {
            return Problems.Conflict("The execution has finished", $"Execution '{id}' has {record.State.ToString().ToLowerInvariant()}: there is nothing to cancel.");
        }

        var cancelled = await client.CancelAsync(id, cancellationToken).ConfigureAwait(false);
        var now = await client.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? record;
        return Json(new CancelResult(cancelled, ExecutionInfo.From(now)), FluxApiJson.Default.CancelResult, StatusCodes.Status202Accepted);
    }

    /// <summary>202 with the started execution and its location at once; with <c>wait</c>, 200 once it finished or paused.</summary>
    private static async Task<IResult> AnswerAsync(HttpContext http, IFluxClient client, ExecutionRecord record, bool wait, CancellationToken cancellationToken)
    {
        SetLocation(http, record.ExecutionId);
        if (!wait)
        {
            return Json(ExecutionInfo.From(record), FluxApiJson.Default.ExecutionInfo, StatusCodes.Status202Accepted);
        }

        await foreach (var _ in client.WatchAsync(record.ExecutionId, record.LastSequence, cancellationToken).ConfigureAwait(false))
        {
        }

        var now = await client.GetAsync(record.ExecutionId, cancellationToken).ConfigureAwait(false) ?? record;
        return Json(ExecutionInfo.From(now), FluxApiJson.Default.ExecutionInfo);
    }

    private static void SetLocation(HttpContext http, string executionId)
    {
        if (http.RequestServices.GetService(typeof(LinkGenerator)) is LinkGenerator links
            && links.GetPathByName(http, GetExecutionName, new RouteValueDictionary { ["id"] = executionId }) is { } location)
        {
            http.Response.Headers.Location = location;
        }
    }

    private WorkflowInfo Describe(IFluxClient client, WorkflowDescriptor workflow) => new()
    {
        Name = workflow.Name,
        InputType = TypeNames.Of(workflow.InputType),
        OutputType = TypeNames.Of(workflow.OutputType),
        InputSchema = _json.SchemaOf(client, workflow, workflow.InputType),
        OutputSchema = _json.SchemaOf(client, workflow, workflow.OutputType),
        HasDiagram = workflow.Diagram is not null,
    };

    private static WorkflowDescriptor? Find(IFluxClient client, string name) =>
        client.Workflows.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal));

    private static bool IsFinished(ExecutionState state) => state is ExecutionState.Succeeded or ExecutionState.Failed or ExecutionState.Cancelled;

    private static IResult Json<T>(T value, JsonTypeInfo<T> info, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(value, info, JsonType, statusCode);
}
