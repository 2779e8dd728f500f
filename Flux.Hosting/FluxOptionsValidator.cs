using Microsoft.Extensions.Options;

namespace Flux;

/// <summary>Checks <see cref="FluxOptions"/> when the host starts; each message names the setting and says what it takes.</summary>
internal sealed class FluxOptionsValidator : IValidateOptions<FluxOptions>
{
    public ValidateOptionsResult Validate(string? name, FluxOptions options)
    {
        var failures = new List<string>();
        if (options.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            failures.Add($"FluxOptions.LeaseDuration is {options.LeaseDuration}: it must be at least 1 second (the claim is renewed every third of it).");
        }

        if (options.SweepInterval is { } sweep && sweep <= TimeSpan.Zero)
        {
            failures.Add($"FluxOptions.SweepInterval is {sweep}: it must be more than zero, or null to turn the periodic sweep off.");
        }

        if (options.SweepBatchSize is < 1 or > 1000)
        {
            failures.Add($"FluxOptions.SweepBatchSize is {options.SweepBatchSize}: it must be between 1 and 1000.");
        }

        if (options.ShutdownWait < TimeSpan.Zero)
        {
            failures.Add($"FluxOptions.ShutdownWait is {options.ShutdownWait}: it must be zero or more.");
        }

        if (options.Owner is { } owner && string.IsNullOrWhiteSpace(owner))
        {
            failures.Add("FluxOptions.Owner is blank: set an owner id, or leave it null for this process's id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
