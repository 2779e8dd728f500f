namespace Flux;

/// <summary>
/// An execution could not be claimed to run or resume it: another owner runs it (its lease holds and its process is
/// alive), or another resumer claimed it first. Exactly one claimant runs an execution; this is what the others get.
/// </summary>
public sealed class ExecutionClaimException : ExecutionStoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="executionId">The execution.</param>
    /// <param name="owner">Who owns it now, when known.</param>
    /// <param name="leaseExpiresAt">Until when the owner's claim holds, when known.</param>
    /// <param name="message">What happened and what to do.</param>
    public ExecutionClaimException(string executionId, string? owner, DateTimeOffset? leaseExpiresAt, string message)
        : base(message)
    {
        ExecutionId = executionId;
        Owner = owner;
        LeaseExpiresAt = leaseExpiresAt;
    }

    /// <summary>The execution.</summary>
    public string ExecutionId { get; }

    /// <summary>Who owns the execution now, when known.</summary>
    public string? Owner { get; }

    /// <summary>Until when the owner's claim holds, when known.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; }

    internal static ExecutionClaimException OwnedBy(string executionId, string owner, DateTimeOffset? lease) => new(
        executionId,
        owner,
        lease,
        $"Execution '{executionId}' is running in '{owner}'{(lease is { } l ? $", whose claim holds until {l:O}" : "")}: it cannot be resumed while its owner is alive. " +
        "Wait for it to finish or pause, cancel it with CancelAsync, or resume it once that owner is gone (its lease expired).");

    internal static ExecutionClaimException LostRace(string executionId) => new(
        executionId,
        null,
        null,
        $"Execution '{executionId}' was claimed by another resumer at the same time, and that one runs it: read it with GetAsync, or wait for it to finish.");

    internal static ExecutionClaimException Lost(string executionId, string owner) => new(
        executionId,
        owner,
        null,
        $"Execution '{executionId}' is no longer owned by '{owner}': its lease expired and another owner claimed it, so this run stopped without writing more.");
}
