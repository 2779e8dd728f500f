namespace Flux.Samples;

/// <summary>An expense claim submitted for approval.</summary>
/// <param name="Id">The claim's id.</param>
/// <param name="Amount">What it claims.</param>
public sealed record Expense(string Id, decimal Amount);

/// <summary>What the manager decided.</summary>
/// <param name="Approved">Whether the claim is paid.</param>
/// <param name="By">Who decided.</param>
public sealed record Approval(bool Approved, string By);

/// <summary>
/// Pause and resume: an expense claim is submitted, the workflow pauses for a manager's approval, and is resumed with
/// the decision given on the command line. The paused execution is in the SQLite file: nothing waits in memory.
/// </summary>
public static partial class PauseSample
{
    private static int s_submissions;

    [Task]
    public static string SubmitExpense(Expense expense)
    {
        Interlocked.Increment(ref s_submissions);
        return $"{expense.Id} submitted for {expense.Amount:0.00}";
    }

    [Task]
    public static string PayExpense(Expense expense, string approver) => $"{expense.Id} paid {expense.Amount:0.00}, approved by {approver}";

    [Workflow(Name = "expense_approval")]
    public static async Task<string> ApproveExpense(ExecutionContext<Expense> ctx)
    {
        await SubmitExpenseTask.Call(ctx.Input);
        var approval = await Workflow.Pause<Approval>("manager_approval");
        return approval.Approved ? await PayExpenseTask.Call(ctx.Input, approval.By) : $"{ctx.Input.Id} rejected by {approval.By}";
    }

    internal static async Task RunAsync(string[] input, TextWriter output)
    {
        if (input.Length != 2 || input[0] is not ("approve" or "reject"))
        {
            throw new SampleUsageException("expected 'approve' or 'reject' and the approver's name");
        }

        await using var durable = new DurableSampleStore();
        s_submissions = 0;
        var ctx = await ApproveExpenseWorkflow.RunAsync(new Expense("EXP-1", 120m), durable.Options("expense-1"));
        var record = await durable.Store.GetAsync("expense-1");
        await output.WriteLineAsync($"run: IsPaused={ctx.IsPaused}, PausedAt='{ctx.PausedAt}', stored state {record!.State}");
        foreach (var line in await durable.TimelineAsync("expense-1"))
        {
            await output.WriteLineAsync($"  {line}");
        }

        var approval = new Approval(input[0] == "approve", input[1]);
        await output.WriteLineAsync($"resume with {approval}");
        var done = await ApproveExpenseWorkflow.ResumeAsync("expense-1", approval, durable.Options());
        foreach (var line in (await durable.TimelineAsync("expense-1")).Skip(ctx.Events.Count))
        {
            await output.WriteLineAsync($"  {line}");
        }

        await output.WriteLineAsync($"SubmitExpense ran {s_submissions} time(s): the resume replayed it");
        await output.WriteLineAsync($"result: {done.Output}");
    }
}
