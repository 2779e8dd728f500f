using System;
using System.Collections.Generic;

namespace Flux.Shared.Declarations.Tasks;

/// <summary>What a <c>[Task(...)]</c> attribute says: its name, fallback, rollback and the options it sets validly.</summary>
internal sealed class TaskAttributeValues
{
    public TaskAttributeValues(string? name, string? fallback, string? rollback, IReadOnlyList<TaskOption> options)
    {
        Name = name;
        Fallback = fallback;
        Rollback = rollback;
        Options = options;
    }

    /// <summary><c>Name</c>, when set and not blank.</summary>
    public string? Name { get; }

    /// <summary><c>Fallback</c>: the method it names.</summary>
    public string? Fallback { get; }

    /// <summary><c>Rollback</c>: the method it names.</summary>
    public string? Rollback { get; }

    /// <summary>The options set to a valid value, in the order of <see cref="TaskAttributeReader.OptionOrder"/>.</summary>
    public IReadOnlyList<TaskOption> Options { get; }
}

/// <summary>One task option the attribute sets to a valid value.</summary>
internal sealed class TaskOption
{
    public TaskOption(string property, int? integer = null, double? number = null, bool? flag = null, TimeSpan? duration = null, string? text = null)
    {
        Property = property;
        Integer = integer;
        Number = number;
        Flag = flag;
        Duration = duration;
        Text = text;
    }

    /// <summary>The property of <c>TaskOptions</c> it sets: <c>Retries</c>, <c>RetryDelay</c>...</summary>
    public string Property { get; }

    /// <summary>The value of <c>Retries</c>.</summary>
    public int? Integer { get; }

    /// <summary>The value of <c>RetryBackoff</c>.</summary>
    public double? Number { get; }

    /// <summary>The value of <c>RetryJitter</c> or <c>Cache</c>.</summary>
    public bool? Flag { get; }

    /// <summary>The value of <c>RetryDelay</c>, <c>MaxRetryDelay</c> or <c>Timeout</c>.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>A duration as the user wrote it (<c>500ms</c>).</summary>
    public string? Text { get; }
}
