using Flux.Shared.Options;
namespace Flux.Generators.Tests;

/// <summary>The duration strings of <c>[Task(...)]</c>, parsed at compile time by the generator (and at run time by the runtime).</summary>
public sealed class DurationTextTests
{
    [TestCase("500ms", 500 * TimeSpan.TicksPerMillisecond)]
    [TestCase("30s", 30 * TimeSpan.TicksPerSecond)]
    [TestCase("1.5s", 15_000_000L)]
    [TestCase("2m", 2 * TimeSpan.TicksPerMinute)]
    [TestCase("1h", TimeSpan.TicksPerHour)]
    [TestCase("1d", TimeSpan.TicksPerDay)]
    [TestCase("0s", 0L)]
    [TestCase(" 10ms ", 10 * TimeSpan.TicksPerMillisecond)]
    [TestCase("0.25ms", 2_500L)]
    [TestCase("00:00:05", 5 * TimeSpan.TicksPerSecond)]
    [TestCase("00:00:00.250", 250 * TimeSpan.TicksPerMillisecond)]
    [TestCase("1.02:03:04", TimeSpan.TicksPerDay + (2 * TimeSpan.TicksPerHour) + (3 * TimeSpan.TicksPerMinute) + (4 * TimeSpan.TicksPerSecond))]
    public void Parses(string text, long ticks)
    {
        Assert.That(DurationText.TryParse(text, out var value), Is.True);
        Assert.That(value.Ticks, Is.EqualTo(ticks));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("soon")]
    [TestCase("5")]
    [TestCase("ms")]
    [TestCase("-5s")]
    [TestCase("+5s")]
    [TestCase("-00:00:05")]
    [TestCase("5 s")]
    [TestCase("1e3ms")]
    [TestCase("1,5s")]
    [TestCase("5sec")]
    [TestCase("5S")]
    [TestCase("99999999999999999999d")]
    [TestCase("1.2.3s")]
    public void Rejects(string? text)
    {
        Assert.That(DurationText.TryParse(text, out var value), Is.False);
        Assert.That(value, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void UsesTheInvariantCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.That(DurationText.TryParse("1.5s", out var value), Is.True);
            Assert.That(value, Is.EqualTo(TimeSpan.FromSeconds(1.5)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
