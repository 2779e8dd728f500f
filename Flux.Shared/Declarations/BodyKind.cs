namespace Flux.Shared.Declarations;

/// <summary>What a task, workflow, fallback or rollback method returns, which decides how generated code awaits it.</summary>
internal enum BodyKind
{
    /// <summary>A synchronous body returning a value.</summary>
    Value,

    /// <summary>A synchronous body returning <c>void</c>.</summary>
    Void,

    /// <summary>A non-generic <c>Task</c>.</summary>
    Task,

    /// <summary>A <c>Task&lt;T&gt;</c>.</summary>
    TaskOfT,

    /// <summary>A non-generic <c>ValueTask</c>.</summary>
    ValueTask,

    /// <summary>A <c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTaskOfT,
}
