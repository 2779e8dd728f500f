using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Options;

/// <summary>
/// A rollback compensates a call whose body ran: it runs with a token of its own (so the cancellation of the batch
/// around it does not stop it), and never for a call that was cancelled before its body started.
/// </summary>
public class CompensationTests
{
    [Test]
    public async Task A_failed_call_s_rollback_runs_with_its_own_token_after_a_sibling_s_failure_cancelled_the_batch()
    {
        bool? rollbackTokenWasCancelled = null;
        var rolledBack = new Gate();
        var charge = new OptionsTask<int, int>(
            "charge",
            async (_, token) =>
            {
                // Fails on its own account once the batch is cancelled, ignoring the cancellation.
                var batchCancelled = new Gate();
                using var registration = token.Register(batchCancelled.Open);
                await batchCancelled.WaitAsync();
                throw new InvalidOperationException("card declined");
            },
            rollback: async (_, token) =>
            {
                rollbackTokenWasCancelled = token.IsCancellationRequested;
                await Task.Yield();
                token.ThrowIfCancellationRequested();
                rolledBack.Open();
            });
        var breaker = new OptionsTask<int, int>("breaker", (_, _) => ValueTask.FromException<int>(new ArgumentException("fatal")));

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await Workflow.Parallel(charge.Call(1), breaker.Call(2))).Guard();

        Assert.That(((TaskFailedException)ctx.Error!).TaskName, Is.EqualTo("breaker"));
        Assert.That(rollbackTokenWasCancelled, Is.False, "the rollback gets a token of its own");
        Assert.That(rolledBack.IsOpen, Is.True);
        Assert.That(OptionsWorkflow.TypesOf(ctx, "charge"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted, ExecutionEventType.TaskRollbackStarted, ExecutionEventType.TaskRollbackCompleted, ExecutionEventType.TaskFailed,
        }));
    }

    [Test]
    public async Task A_call_cancelled_before_its_body_started_gets_no_rollback()
    {
        var bodyRuns = 0;
        var rollbacks = 0;
        var reserve = new ThreadPoolTask(
            "reserve",
            _ =>
            {
                Interlocked.Increment(ref bodyRuns);
                return 1;
            },
            rollback: () => Interlocked.Increment(ref rollbacks));
        using var cancellation = new CancellationTokenSource();

        var ctx = await OptionsWorkflow.Run(
            new TestClock(),
            async _ =>
            {
                await cancellation.CancelAsync();
                return await reserve.Call(1);
            },
            cancellation.Token).Guard();

        Assert.That(ctx.IsCancelled, Is.True);
        Assert.That((bodyRuns, rollbacks), Is.EqualTo((0, 0)), "nothing ran, so there is nothing to compensate");
        Assert.That(OptionsWorkflow.TypesOf(ctx, "reserve"), Is.EqualTo(new[] { ExecutionEventType.TaskStarted, ExecutionEventType.TaskCancelled }));
    }

    [Test]
    public async Task A_cancellation_callback_that_throws_does_not_replace_the_first_failure()
    {
        var waiting = new Gate();
        var stopped = false;
        var sibling = new LambdaTask<int, int>("sibling", async (x, token) =>
        {
            using var registration = token.Register(() => throw new InvalidCastException("callback broke"));
            waiting.Open();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
                return x;
            }
            finally
            {
                stopped = true;
            }
        });
        var failing = new LambdaTask<int, int>("failing", async (_, _) =>
        {
            await waiting.WaitAsync();
            throw new InvalidOperationException("broken");
        });

        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ => await Workflow.Parallel(sibling.Call(1), failing.Call(2))).Guard();

        Assert.That(ctx.Error, Is.TypeOf<TaskFailedException>());
        Assert.That(((TaskFailedException)ctx.Error!).TaskName, Is.EqualTo("failing"));
        Assert.That(stopped, Is.True, "the sibling was still awaited");
    }

    [Test]
    public async Task A_nested_failure_is_rethrown_with_its_original_stack_trace()
    {
        var inner = LambdaTask.Of<int, int>("inner", _ => throw new ArgumentException("bad"));
        var outer = new LambdaTask<int, int>("outer", (x, _) => OuterBodyAwaitingTheInnerCall(inner, x));

        var ctx = await LambdaTask.RunWorkflow<int, int>(1, async c => await outer.Call(c.Input));

        var error = (TaskFailedException)ctx.Error!;
        Assert.That(error.TaskName, Is.EqualTo("inner"));
        Assert.That(error.StackTrace, Does.Contain(nameof(OuterBodyAwaitingTheInnerCall)), "the frames the failure crossed are kept");
    }

    private static async ValueTask<int> OuterBodyAwaitingTheInnerCall(LambdaTask<int, int> inner, int x) => await inner.Call(x);

    /// <summary>A synchronous task as the generator writes it: its body runs on the thread pool.</summary>
    private sealed class ThreadPoolTask(string name, Func<int, int> body, Action rollback) : TaskHandle<int, int>(name, TaskOptions.Default)
    {
        public override IReadOnlyList<Type> ParameterTypes { get; } = [typeof(int)];

        public override bool IsSynchronous => true;

        protected override bool HasRollback => true;

        public TaskCall<int> Call(int x) => CreateCall(x);

        protected override ValueTask<int> InvokeAsync(int arguments, CancellationToken cancellationToken) =>
            RunOnThreadPool((x, _) => body(x), arguments, cancellationToken);

        protected override ValueTask InvokeRollbackAsync(int arguments, CancellationToken cancellationToken)
        {
            rollback();
            return default;
        }

        protected override void WriteFingerprint(ref FingerprintWriter writer, int arguments) => writer.Write(arguments);

        protected override int ConvertArguments(ReadOnlySpan<object?> arguments) => (int)arguments[0]!;
    }
}
