using Flux.Shared.Options;
using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers;

/// <summary>
/// FLUX105: a <c>[Task(...)]</c> option whose value the runtime's <c>TaskOptions</c> would reject: negative
/// <c>Retries</c>; a <c>RetryDelay</c>, <c>MaxRetryDelay</c> or <c>Timeout</c> that is not a duration, is negative, is
/// too long for a timer, or (for <c>Timeout</c>) is zero; a <c>RetryBackoff</c> below 1, NaN or infinite.
/// Durations are parsed by the runtime's own parser (<c>DurationText</c>, linked into this assembly).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidTaskOptionAnalyzer : FluxAnalyzer
{
    /// <summary>The longest duration a timer supports; the runtime rejects a longer Timeout or MaxRetryDelay.</summary>
    private static readonly TimeSpan s_maxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private const string DurationForms = "write a number and a unit (\"500ms\", \"30s\", \"2m\", \"1h\", \"1d\") or TimeSpan text (\"00:00:05\")";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidTaskOption);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known) =>
        context.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownFluxTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || known.GetTaskAttribute(method) is not { } attribute)
        {
            return;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            var problem = argument.Key switch
            {
                "Retries" => argument.Value.Value is int retries && retries < 0
                    ? retries.ToString(CultureInfo.InvariantCulture) + " is negative; use 0 or more (0 means no retry)"
                    : null,
                "RetryBackoff" => argument.Value.Value is double backoff ? CheckBackoff(backoff) : null,
                "RetryDelay" => CheckDuration(argument.Value.Value as string, allowZero: true, max: null, unset: "leave it unset for the default of 1 second"),
                "MaxRetryDelay" => CheckDuration(argument.Value.Value as string, allowZero: true, max: s_maxTimer, unset: "leave it unset for the default of 10 minutes"),
                "Timeout" => CheckDuration(argument.Value.Value as string, allowZero: false, max: s_maxTimer, unset: "leave Timeout unset for no time limit"),
                _ => null,
            };

            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidTaskOption,
                    TaskOptionArguments.Locate(attribute, argument.Key, method, context.CancellationToken),
                    method.Name,
                    argument.Key,
                    problem));
            }
        }
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

    private static string? CheckDuration(string? text, bool allowZero, TimeSpan? max, string unset)
    {
        if (text is null)
        {
            return null; // null means the default
        }

        var quoted = "\"" + text + "\"";
        if (!DurationText.TryParse(text, out var duration))
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
