namespace Flux.Runtime.Tests.Options;

public class TaskOptionsValidationTests
{
    [Test]
    public void Negative_retries_are_rejected_with_the_option_and_the_fix()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TaskOptions { Retries = -1 });

        Assert.That(error!.ParamName, Is.EqualTo("Retries"));
        Assert.That(error.Message, Does.StartWith("Retries must be 0 or more (got -1)").And.Contain("use 0 for no retry"));
    }

    [TestCase(0.5)]
    [TestCase(0.0)]
    [TestCase(-2.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void A_backoff_below_1_or_not_a_finite_number_is_rejected(double backoff)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TaskOptions { RetryBackoff = backoff });

        Assert.That(error!.ParamName, Is.EqualTo("RetryBackoff"));
        Assert.That(error.Message, Does.Contain("must be a finite number of at least 1"));
    }

    [Test]
    public void Negative_durations_are_rejected()
    {
        Assert.That(
            Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TaskOptions { RetryDelay = TimeSpan.FromSeconds(-1) })!.ParamName,
            Is.EqualTo("RetryDelay"));
        Assert.That(
            Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TaskOptions { MaxRetryDelay = TimeSpan.FromSeconds(-1) })!.ParamName,
            Is.EqualTo("MaxRetryDelay"));
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void A_zero_or_negative_timeout_is_rejected(int seconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TaskOptions { Timeout = TimeSpan.FromSeconds(seconds) });

        Assert.That(error!.ParamName, Is.EqualTo("Timeout"));
        Assert.That(error.Message, Does.Contain("leave it null for no time limit"));
    }

    [Test]
    public void Durations_longer_than_a_timer_supports_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TaskOptions { Timeout = TimeSpan.FromDays(100) });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TaskOptions { MaxRetryDelay = TimeSpan.FromDays(100) });
    }

    [Test]
    public void Valid_edge_values_are_accepted()
    {
        var options = new TaskOptions
        {
            Retries = 0,
            RetryDelay = TimeSpan.Zero,
            RetryBackoff = 1,
            MaxRetryDelay = TimeSpan.Zero,
            Timeout = Timeout.InfiniteTimeSpan,
        };

        Assert.That(options.Timeout, Is.Null, "an infinite timeout means none");
        Assert.That(options.HasPolicy, Is.False);
        Assert.That(TaskOptions.Default.HasPolicy, Is.False);
        Assert.That(new TaskOptions { Retries = 1 }.HasPolicy, Is.True);
        Assert.That(new TaskOptions { RetryJitter = true, RetryBackoff = 5 }.HasPolicy, Is.False, "retry settings without retries change nothing");
    }

    [Test]
    public void With_validates_too()
    {
        var options = new TaskOptions { Retries = 3 };

        Assert.Throws<ArgumentOutOfRangeException>(() => _ = options with { Retries = -3 });
        Assert.That((options with { Timeout = TimeSpan.FromSeconds(1) }).Retries, Is.EqualTo(3));
    }

    [Test]
    public void WithOptions_returns_a_copy_that_runs_with_the_new_options()
    {
        var task = new OptionsTask<int, int>("copied", (x, _) => ValueTask.FromResult(x));

        var copy = task.WithOptions(new TaskOptions { Retries = 2 });

        Assert.That(copy, Is.Not.SameAs(task));
        Assert.That(copy.Name, Is.EqualTo("copied"));
        Assert.That(copy.Options.Retries, Is.EqualTo(2));
        Assert.That(task.Options, Is.SameAs(TaskOptions.Default));
    }
}
