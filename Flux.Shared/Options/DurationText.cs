// Compiled into Flux.Runtime (net10.0) and the compiler parts (netstandard2.0), so that a duration in [Task(...)]
// means the same thing at compile time and at run time. Keep it free of newer APIs and of implicit usings.
namespace Flux.Shared.Options;

/// <summary>
/// Parses the duration strings of <c>[Task(RetryDelay = ..., MaxRetryDelay = ..., Timeout = ...)]</c>:
/// a number and a unit (<c>"500ms"</c>, <c>"30s"</c>, <c>"1.5m"</c>, <c>"2h"</c>, <c>"1d"</c>), or TimeSpan text
/// (<c>"00:00:05"</c>, <c>"00:00:00.250"</c>, <c>"1.02:00:00"</c>). Negative durations are rejected.
/// </summary>
internal static class DurationText
{
    private static readonly (string Unit, long TicksPerUnit)[] s_units =
    {
        // "ms" before "s" and "m": the longest suffix wins.
        ("ms", System.TimeSpan.TicksPerMillisecond),
        ("s", System.TimeSpan.TicksPerSecond),
        ("m", System.TimeSpan.TicksPerMinute),
        ("h", System.TimeSpan.TicksPerHour),
        ("d", System.TimeSpan.TicksPerDay),
    };

    /// <summary>Parses <paramref name="text"/>; returns false (and <see cref="System.TimeSpan.Zero"/>) when it is null, garbage or negative.</summary>
    public static bool TryParse(string? text, out System.TimeSpan value)
    {
        value = System.TimeSpan.Zero;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.IndexOf('-') >= 0 || trimmed.IndexOf('+') >= 0)
        {
            return false;
        }

        foreach (var (unit, ticksPerUnit) in s_units)
        {
            if (trimmed.Length > unit.Length && trimmed.EndsWith(unit, System.StringComparison.Ordinal))
            {
                return TryParseNumber(trimmed.Substring(0, trimmed.Length - unit.Length), ticksPerUnit, out value);
            }
        }

        // TimeSpan text must have a colon: a bare "5" would otherwise parse as five days.
        if (trimmed.IndexOf(':') >= 0
            && System.TimeSpan.TryParse(trimmed, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            && parsed >= System.TimeSpan.Zero)
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static bool TryParseNumber(string number, long ticksPerUnit, out System.TimeSpan value)
    {
        value = System.TimeSpan.Zero;

        // Digits with an optional decimal point only: no sign, exponent, thousands separator or inner whitespace.
        if (number.Length == 0 || !IsDigitOrPoint(number)
            || !decimal.TryParse(number, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        if (amount > decimal.Divide(long.MaxValue, ticksPerUnit))
        {
            return false;
        }

        value = System.TimeSpan.FromTicks((long)decimal.Round(amount * ticksPerUnit, System.MidpointRounding.AwayFromZero));
        return true;
    }

    private static bool IsDigitOrPoint(string number)
    {
        foreach (var c in number)
        {
            if (c is not ((>= '0' and <= '9') or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
