using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Diagnostics;
using Flux.Shared.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Shared.Declarations.Tasks;

/// <summary>
/// FLUX105: the options of <c>[Task(...)]</c> that the runtime's <c>TaskOptions</c> would reject: negative
/// <c>Retries</c>; a <c>RetryDelay</c>, <c>MaxRetryDelay</c> or <c>Timeout</c> that is not a duration, is negative, is too
/// long for a timer, or (for <c>Timeout</c>) is zero; a <c>RetryBackoff</c> below 1, NaN or infinite. The generator
/// emits the valid options and leaves the others at their defaults; the analyzer reports them at the argument.
/// </summary>
internal static class TaskAttributeReader
{
    /// <summary>The order the generator writes options in, whatever the order of the attribute's arguments.</summary>
    public static readonly string[] OptionOrder = { "Retries", "RetryDelay", "RetryBackoff", "MaxRetryDelay", "RetryJitter", "Timeout", "Cache" };

    /// <summary>The longest duration a timer supports; the runtime rejects a longer Timeout or MaxRetryDelay.</summary>
    private static readonly TimeSpan s_maxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private const string DurationForms = "write a number and a unit (\"500ms\", \"30s\", \"2m\", \"1h\", \"1d\") or TimeSpan text (\"00:00:05\")";

    /// <summary>What <c>[Task]</c> without arguments says: nothing (most tasks, read at every keystroke).</summary>
    private static readonly TaskAttributeValues s_none = new(null, null, null, new TaskOption[0]);

    public static TaskAttributeValues Read(IMethodSymbol task, AttributeData attribute, List<DeclarationProblem>? problems, CancellationToken cancellationToken)
    {
        if (attribute.NamedArguments.IsEmpty)
        {
            return s_none;
        }

        string? name = null;
        string? fallback = null;
        string? rollback = null;
        var options = new Dictionary<string, TaskOption>(StringComparer.Ordinal);
        foreach (var argument in attribute.NamedArguments)
        {
            var value = argument.Value.Value;
            string? problem = null;
            switch (argument.Key)
            {
                case "Name":
                    name = value is string given && !string.IsNullOrWhiteSpace(given) ? given : null;
                    break;
                case "Fallback":
                    fallback = value as string;
                    break;
                case "Rollback":
                    rollback = value as string;
                    break;
                case "Retries" when value is int retries:
                    if (retries < 0)
                    {
                        problem = retries.ToString(CultureInfo.InvariantCulture) + " is negative; use 0 or more (0 means no retry)";
                    }
                    else
                    {
                        options["Retries"] = new TaskOption("Retries", integer: retries);
                    }

                    break;
                case "RetryBackoff" when value is double backoff:
                    problem = CheckBackoff(backoff);
                    if (problem is null)
                    {
                        options["RetryBackoff"] = new TaskOption("RetryBackoff", number: backoff);
                    }

                    break;
                case "RetryJitter" or "Cache" when value is bool flag:
                    options[argument.Key] = new TaskOption(argument.Key, flag: flag);
                    break;
                case "RetryDelay" or "MaxRetryDelay" or "Timeout" when value is string text:
                    TimeSpan duration;
                    problem = argument.Key switch
                    {
                        "RetryDelay" => CheckDuration(text, allowZero: true, max: null, unset: "leave it unset for the default of 1 second", out duration),
                        "MaxRetryDelay" => CheckDuration(text, allowZero: true, max: s_maxTimer, unset: "leave it unset for the default of 10 minutes", out duration),
                        _ => CheckDuration(text, allowZero: false, max: s_maxTimer, unset: "leave Timeout unset for no time limit", out duration),
                    };
                    if (problem is null)
                    {
                        options[argument.Key] = new TaskOption(argument.Key, duration: duration, text: text.Trim());
                    }

                    break;
            }

            if (problem is not null)
            {
                problems?.Add(new DeclarationProblem(
                    FluxDiagnostics.InvalidTaskOption,
                    LocateArgument(attribute, argument.Key, task, cancellationToken),
                    new[] { task.Name, argument.Key, problem }));
            }
        }

        var ordered = new List<TaskOption>(options.Count);
        foreach (var key in OptionOrder)
        {
            if (options.TryGetValue(key, out var option))
            {
                ordered.Add(option);
            }
        }

        return new TaskAttributeValues(name, fallback, rollback, ordered);
    }

    /// <summary>The location of <c>Name = value</c> in the attribute, or of the task method's name when it cannot be found.</summary>
    public static Location LocateArgument(AttributeData attribute, string name, IMethodSymbol task, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments })
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals is { } nameEquals && string.Equals(nameEquals.Name.Identifier.ValueText, name, StringComparison.Ordinal))
                {
                    return argument.GetLocation();
                }
            }
        }

        return SymbolFacts.NameLocation(task);
    }

    private static string? CheckBackoff(double backoff)
    {
        if (double.IsNaN(backoff))
        {
            return "NaN is not a number; use a number of at least 1 (1 keeps the delay constant, 2 doubles it after each retry)";
        }

        if (double.IsInfinity(backoff))
        {
            return "an infinite backoff is not allowed; use a finite number of at least 1 (2 doubles the delay after each retry)";
        }

        return backoff < 1
            ? backoff.ToString("R", CultureInfo.InvariantCulture) + " is below 1, so the delay would shrink; use 1 for a constant delay, or more (2 doubles it after each retry)"
            : null;
    }

    private static string? CheckDuration(string text, bool allowZero, TimeSpan? max, string unset, out TimeSpan duration)
    {
        var quoted = "\"" + text + "\"";
        if (!DurationText.TryParse(text, out duration))
        {
            var trimmed = text.Trim();
            return trimmed.StartsWith("-", StringComparison.Ordinal) && DurationText.TryParse(trimmed.Substring(1), out _)
                ? quoted + " is negative; use a duration of zero or more, or " + unset
                : quoted + " is not a duration; " + DurationForms;
        }

        if (!allowZero && duration == TimeSpan.Zero)
        {
            return quoted + " is zero, so every attempt would time out at once; use a positive limit, or " + unset;
        }

        return max is { } limit && duration > limit
            ? quoted + " is longer than a timer supports (" + limit.ToString("c", CultureInfo.InvariantCulture) + "); use a shorter duration, or " + unset
            : null;
    }
}
