using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Flux.Orleans;

/// <summary>Refuses options that cannot work, when the host starts, with a message that names the option and the fix.</summary>
internal sealed class FluxOrleansOptionsValidator : IValidateOptions<FluxOrleansOptions>
{
    public ValidateOptionsResult Validate(string? name, FluxOrleansOptions options)
    {
        var failures = new List<string>();
        if (options.MaxConcurrentTaskCallsPerSilo < 1)
        {
            failures.Add($"FluxOrleansOptions.MaxConcurrentTaskCallsPerSilo is {options.MaxConcurrentTaskCallsPerSilo}: a silo must run at least 1 task call at once.");
        }

        if (options.WorkerSlots < 1)
        {
            failures.Add($"FluxOrleansOptions.WorkerSlots is {options.WorkerSlots}: calls need at least 1 worker slot (a few per silo spread them well).");
        }

        if (options.MaxDispatchAttempts < 1)
        {
            failures.Add($"FluxOrleansOptions.MaxDispatchAttempts is {options.MaxDispatchAttempts}: a call must be sent at least once.");
        }

        if (options.RedispatchDelay < System.TimeSpan.Zero || options.MaxRedispatchDelay < options.RedispatchDelay)
        {
            failures.Add(
                $"FluxOrleansOptions.RedispatchDelay ({options.RedispatchDelay}) must be zero or more and at most MaxRedispatchDelay ({options.MaxRedispatchDelay}).");
        }

        if (options.LeaseDuration <= System.TimeSpan.Zero)
        {
            failures.Add($"FluxOrleansOptions.LeaseDuration is {options.LeaseDuration}: an execution's claim must hold for some time (the default is 30 seconds).");
        }

        if (options.RecoveryInterval <= System.TimeSpan.Zero)
        {
            failures.Add($"FluxOrleansOptions.RecoveryInterval is {options.RecoveryInterval}: the sweep for executions left behind needs a positive interval (the default is 1 minute).");
        }

        if (options.Json is null)
        {
            failures.Add("FluxOrleansOptions.Json is null: give the JsonSerializerOptions task arguments and results are written with.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
