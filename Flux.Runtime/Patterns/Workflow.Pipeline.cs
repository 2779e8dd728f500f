namespace Flux;

public static partial class Workflow
{
    /// <summary>
    /// Runs the stages one after another, each on the previous one's result; the compiler checks that each
    /// stage takes what the previous one returns. A failing stage stops the pipeline; its exception names the task.
    /// </summary>
    public static async Task<T1> Pipeline<T0, T1>(T0 input, ITask<T0, T1> stage1, CancellationToken cancellationToken = default)
    {
        CheckStages(stage1);
        var r1 = await stage1.Call(input).RunAsync(cancellationToken).ConfigureAwait(false);
        return r1;
    }

    /// <inheritdoc cref="Pipeline{T0, T1}(T0, ITask{T0, T1}, CancellationToken)"/>
    public static async Task<T2> Pipeline<T0, T1, T2>(T0 input, ITask<T0, T1> stage1, ITask<T1, T2> stage2, CancellationToken cancellationToken = default)
    {
        CheckStages(stage1, stage2);
        var r1 = await stage1.Call(input).RunAsync(cancellationToken).ConfigureAwait(false);
        var r2 = await stage2.Call(r1).RunAsync(cancellationToken).ConfigureAwait(false);
        return r2;
    }

    /// <inheritdoc cref="Pipeline{T0, T1}(T0, ITask{T0, T1}, CancellationToken)"/>
    public static async Task<T3> Pipeline<T0, T1, T2, T3>(T0 input, ITask<T0, T1> stage1, ITask<T1, T2> stage2, ITask<T2, T3> stage3, CancellationToken cancellationToken = default)
    {
        CheckStages(stage1, stage2, stage3);
        var r1 = await stage1.Call(input).RunAsync(cancellationToken).ConfigureAwait(false);
        var r2 = await stage2.Call(r1).RunAsync(cancellationToken).ConfigureAwait(false);
        var r3 = await stage3.Call(r2).RunAsync(cancellationToken).ConfigureAwait(false);
        return r3;
    }

    /// <inheritdoc cref="Pipeline{T0, T1}(T0, ITask{T0, T1}, CancellationToken)"/>
    public static async Task<T4> Pipeline<T0, T1, T2, T3, T4>(T0 input, ITask<T0, T1> stage1, ITask<T1, T2> stage2, ITask<T2, T3> stage3, ITask<T3, T4> stage4, CancellationToken cancellationToken = default)
    {
        CheckStages(stage1, stage2, stage3, stage4);
        var r1 = await stage1.Call(input).RunAsync(cancellationToken).ConfigureAwait(false);
        var r2 = await stage2.Call(r1).RunAsync(cancellationToken).ConfigureAwait(false);
        var r3 = await stage3.Call(r2).RunAsync(cancellationToken).ConfigureAwait(false);
        var r4 = await stage4.Call(r3).RunAsync(cancellationToken).ConfigureAwait(false);
        return r4;
    }

    /// <inheritdoc cref="Pipeline{T0, T1}(T0, ITask{T0, T1}, CancellationToken)"/>
    public static async Task<T5> Pipeline<T0, T1, T2, T3, T4, T5>(T0 input, ITask<T0, T1> stage1, ITask<T1, T2> stage2, ITask<T2, T3> stage3, ITask<T3, T4> stage4, ITask<T4, T5> stage5, CancellationToken cancellationToken = default)
    {
        CheckStages(stage1, stage2, stage3, stage4, stage5);
        var r1 = await stage1.Call(input).RunAsync(cancellationToken).ConfigureAwait(false);
        var r2 = await stage2.Call(r1).RunAsync(cancellationToken).ConfigureAwait(false);
        var r3 = await stage3.Call(r2).RunAsync(cancellationToken).ConfigureAwait(false);
        var r4 = await stage4.Call(r3).RunAsync(cancellationToken).ConfigureAwait(false);
        var r5 = await stage5.Call(r4).RunAsync(cancellationToken).ConfigureAwait(false);
        return r5;
    }

    /// <inheritdoc cref="Pipeline{T0, T1}(T0, ITask{T0, T1}, CancellationToken)"/>
    public static async Task<T6> Pipeline<T0, T1, T2, T3, T4, T5, T6>(T0 input, ITask<T0, T1> stage1, ITask<T1, T2> stage2, ITask<T2, T3> stage3, ITask<T3, T4> stage4, ITask<T4, T5> stage5, ITask<T5, T6> stage6, CancellationToken cancellationToken = default)
    {
        CheckStages(stage1, stage2, stage3, stage4, stage5, stage6);
        var r1 = await stage1.Call(input).RunAsync(cancellationToken).ConfigureAwait(false);
        var r2 = await stage2.Call(r1).RunAsync(cancellationToken).ConfigureAwait(false);
        var r3 = await stage3.Call(r2).RunAsync(cancellationToken).ConfigureAwait(false);
        var r4 = await stage4.Call(r3).RunAsync(cancellationToken).ConfigureAwait(false);
        var r5 = await stage5.Call(r4).RunAsync(cancellationToken).ConfigureAwait(false);
        var r6 = await stage6.Call(r5).RunAsync(cancellationToken).ConfigureAwait(false);
        return r6;
    }

    /// <inheritdoc cref="Pipeline{T0, T1}(T0, ITask{T0, T1}, CancellationToken)"/>
    public static async Task<T7> Pipeline<T0, T1, T2, T3, T4, T5, T6, T7>(T0 input, ITask<T0, T1> stage1, ITask<T1, T2> stage2, ITask<T2, T3> stage3, ITask<T3, T4> stage4, ITask<T4, T5> stage5, ITask<T5, T6> stage6, ITask<T6, T7> stage7, CancellationToken cancellationToken = default)
    {
        CheckStages(stage1, stage2, stage3, stage4, stage5, stage6, stage7);
        var r1 = await stage1.Call(input).RunAsync(cancellationToken).ConfigureAwait(false);
        var r2 = await stage2.Call(r1).RunAsync(cancellationToken).ConfigureAwait(false);
        var r3 = await stage3.Call(r2).RunAsync(cancellationToken).ConfigureAwait(false);
        var r4 = await stage4.Call(r3).RunAsync(cancellationToken).ConfigureAwait(false);
        var r5 = await stage5.Call(r4).RunAsync(cancellationToken).ConfigureAwait(false);
        var r6 = await stage6.Call(r5).RunAsync(cancellationToken).ConfigureAwait(false);
        var r7 = await stage7.Call(r6).RunAsync(cancellationToken).ConfigureAwait(false);
        return r7;
    }

    /// <inheritdoc cref="Pipeline{T0, T1}(T0, ITask{T0, T1}, CancellationToken)"/>
    public static async Task<T8> Pipeline<T0, T1, T2, T3, T4, T5, T6, T7, T8>(T0 input, ITask<T0, T1> stage1, ITask<T1, T2> stage2, ITask<T2, T3> stage3, ITask<T3, T4> stage4, ITask<T4, T5> stage5, ITask<T5, T6> stage6, ITask<T6, T7> stage7, ITask<T7, T8> stage8, CancellationToken cancellationToken = default)
    {
        CheckStages(stage1, stage2, stage3, stage4, stage5, stage6, stage7, stage8);
        var r1 = await stage1.Call(input).RunAsync(cancellationToken).ConfigureAwait(false);
        var r2 = await stage2.Call(r1).RunAsync(cancellationToken).ConfigureAwait(false);
        var r3 = await stage3.Call(r2).RunAsync(cancellationToken).ConfigureAwait(false);
        var r4 = await stage4.Call(r3).RunAsync(cancellationToken).ConfigureAwait(false);
        var r5 = await stage5.Call(r4).RunAsync(cancellationToken).ConfigureAwait(false);
        var r6 = await stage6.Call(r5).RunAsync(cancellationToken).ConfigureAwait(false);
        var r7 = await stage7.Call(r6).RunAsync(cancellationToken).ConfigureAwait(false);
        var r8 = await stage8.Call(r7).RunAsync(cancellationToken).ConfigureAwait(false);
        return r8;
    }

    private static void CheckStages(params object?[] stages)
    {
        for (var i = 0; i < stages.Length; i++)
        {
            if (stages[i] is null)
            {
                throw new ArgumentNullException(nameof(stages), $"Stage {i + 1} of the pipeline is null; pass a task handle such as AddThreeTask.");
            }
        }
    }
}
