using System.Net;
using Flux.AspNetCore.Tests.Support;

namespace Flux.AspNetCore.Tests;

/// <summary><c>GET workflows</c>, <c>GET workflows/{name}</c> and <c>GET workflows/{name}/diagram</c>.</summary>
public sealed class WorkflowEndpointTests : ApiTest
{
    [Test]
    public async Task Workflows_are_listed_with_the_JSON_schemas_of_their_input_and_output()
    {
        var workflows = await (await Http.GetAsync("/flux/workflows")).ReadAsync(HttpStatusCode.OK);

        Assert.That(workflows.EnumerateArray().Select(w => w.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "approval", "checkout", "failing", "gated", "route" }));
        var checkout = workflows.EnumerateArray().Single(w => w.GetProperty("name").GetString() == "checkout");
        Assert.That(checkout.GetProperty("inputType").GetString(), Is.EqualTo("Order"));
        Assert.That(checkout.GetProperty("outputType").GetString(), Is.EqualTo("Receipt"));
        var input = checkout.GetProperty("inputSchema");
        Assert.That(input.GetProperty("type").GetString(), Is.EqualTo("object"));
        Assert.That(input.GetProperty("properties").GetProperty("Amount").GetProperty("type").GetString(), Is.EqualTo("number"));
        Assert.That(input.GetProperty("properties").GetProperty("Lines").GetProperty("items").GetProperty("properties").GetProperty("Quantity").GetProperty("type").GetString(),
            Is.EqualTo("integer"));
        Assert.That(checkout.GetProperty("outputSchema").GetProperty("properties").GetProperty("Items").GetProperty("type").GetString(), Is.EqualTo("integer"));
        Assert.That(checkout.GetProperty("hasDiagram").GetBoolean(), Is.False);
        var gated = workflows.EnumerateArray().Single(w => w.GetProperty("name").GetString() == "gated");
        Assert.That(gated.GetProperty("inputSchema").GetProperty("type").GetString(), Is.EqualTo("string"));
    }

    [Test]
    public async Task One_workflow_is_described_by_name_and_an_unknown_name_is_a_404_problem_that_lists_the_known_ones()
    {
        var route = await (await Http.GetAsync("/flux/workflows/route")).ReadAsync(HttpStatusCode.OK);
        Assert.That(route.GetProperty("hasDiagram").GetBoolean(), Is.True);

        var missing = await Http.GetAsync("/flux/workflows/nope");
        var problem = await missing.ReadAsync(HttpStatusCode.NotFound);
        Assert.That(missing.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("No workflow is named 'nope'; this API runs 'approval', 'checkout', 'failing', 'gated', 'route'."));
    }

    [Test]
    public async Task A_graph_workflow_has_its_Mermaid_diagram_and_another_has_none()
    {
        var diagram = await Http.GetAsync("/flux/workflows/route/diagram");
        Assert.That(diagram.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(diagram.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(await diagram.Content.ReadAsStringAsync(), Is.EqualTo(FluxCatalog.Workflows.Single(w => w.Name == "route").Diagram));
        Assert.That(await diagram.Content.ReadAsStringAsync(), Does.StartWith("flowchart TD").And.Contain("\"wobble\"").And.Contain("\"shout\""));

        var none = await (await Http.GetAsync("/flux/workflows/checkout/diagram")).ReadAsync(HttpStatusCode.NotFound);
        Assert.That(none.GetProperty("detail").GetString(), Does.StartWith("Workflow 'checkout' has no diagram"));
        var unknown = await (await Http.GetAsync("/flux/workflows/nope/diagram")).ReadAsync(HttpStatusCode.NotFound);
        Assert.That(unknown.GetProperty("title").GetString(), Is.EqualTo("No such workflow"));
    }
}
