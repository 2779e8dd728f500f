using static Flux.Runtime.Tests.Graphs.GraphTestTasks;

namespace Flux.Runtime.Tests.Graphs;

/// <summary>A failing graph run waits for every node it started, whatever happens while it cancels them.</summary>
public sealed class GraphDrainTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_run_keeps_draining_its_running_nodes_when_cancelling_them_throws()
    {
        var slowStarted = new GraphGate();
        var slowStopped = false;
        var slow = OfAsync<string, string>("slow", async (s, token) =>
        {
            using var registration = token.Register(() => throw new InvalidCastException("callback broke"));
            slowStarted.Open();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
                return s;
            }
            finally
            {
                slowStopped = true;
            }
        });
        var failing = OfAsync<string, string>("failing", async (s, token) =>
        {
            await slowStarted.WaitAsync(token).WaitAsync(Guard, token);
            throw new InvalidOperationException("boom");
        });
        var graph = new Graph("draining")
            .AddNode("slow", slow).AddNode("failing", failing)
            .AddNode("join", Of<string, string, string>("join", (x, y) => x + y))
            .AddEdge("slow", "join").AddEdge("failing", "join")
            .StartWith("slow").StartWith("failing").EndWith("join");

        var thrown = await Assert.ThrowsAsync<TaskFailedException>(() => graph.RunAsync<string, string>("x").WaitAsync(Guard));

        Assert.That(thrown!.TaskName, Is.EqualTo("failing"));
        Assert.That(slowStopped, Is.True, "the run waited for the cancelled node before throwing");
    }
}
