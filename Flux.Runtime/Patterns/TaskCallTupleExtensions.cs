using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// Lets a tuple of calls be awaited directly, running them at once:
/// <c>var (count, greeting) = await (CountTask.Call(3), SayHiTask.Call("Ann"));</c>
/// </summary>
public static class TaskCallTupleExtensions
{
    /// <summary>Runs the calls at once, as <c>Workflow.Parallel</c> does, and awaits all their results.</summary>
    public static TaskAwaiter<(T1, T2)> GetAwaiter<T1, T2>(this (TaskCall<T1>, TaskCall<T2>) calls) =>
        Workflow.Parallel(calls).GetAwaiter();

    /// <summary>Runs the calls at once, as <c>Workflow.Parallel</c> does, and awaits all their results.</summary>
    public static TaskAwaiter<(T1, T2, T3)> GetAwaiter<T1, T2, T3>(this (TaskCall<T1>, TaskCall<T2>, TaskCall<T3>) calls) =>
        Workflow.Parallel(calls).GetAwaiter();

    /// <summary>Runs the calls at once, as <c>Workflow.Parallel</c> does, and awaits all their results.</summary>
    public static TaskAwaiter<(T1, T2, T3, T4)> GetAwaiter<T1, T2, T3, T4>(this (TaskCall<T1>, TaskCall<T2>, TaskCall<T3>, TaskCall<T4>) calls) =>
        Workflow.Parallel(calls).GetAwaiter();

    /// <summary>Runs the calls at once, as <c>Workflow.Parallel</c> does, and awaits all their results.</summary>
    public static TaskAwaiter<(T1, T2, T3, T4, T5)> GetAwaiter<T1, T2, T3, T4, T5>(this (TaskCall<T1>, TaskCall<T2>, TaskCall<T3>, TaskCall<T4>, TaskCall<T5>) calls) =>
        Workflow.Parallel(calls).GetAwaiter();
}
