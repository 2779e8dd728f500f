using System.Diagnostics;
using System.Globalization;

namespace Flux;

/// <summary>
/// Who runs a durable execution, as its claim names it: by default this process, written
/// <c>{machine}:{process id}:{process start time in UTC ticks}</c>, so that a resumer on the same machine can tell
/// that the process that claimed an execution is gone (it crashed) without waiting for its lease to expire.
/// </summary>
public static class ExecutionOwner
{
    private static readonly Lazy<(string Id, long StartTicks)> s_current = new(() =>
    {
        var start = ProcessStartTicks(Environment.ProcessId) ?? 0;
        return (Format(Environment.MachineName, Environment.ProcessId, start), start);
    });

    /// <summary>This process's owner id.</summary>
    public static string Current => s_current.Value.Id;

    /// <summary>
    /// Whether the owner named by an execution's claim may still run it, as seen from this process at
    /// <paramref name="now"/>: false when its lease has expired, when it names a process of this machine that is not
    /// running any more, or when it names this process and this process does not run the execution (a run that was
    /// abandoned); true otherwise.
    /// </summary>
    /// <param name="execution">The execution's summary.</param>
    /// <param name="now">The time on the resumer's clock.</param>
    public static bool IsAlive(ExecutionRecord execution, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(execution);
        if (execution.Owner is not { } owner || execution.LeaseExpiresAt is not { } lease || lease <= now)
        {
            return false;
        }

        if (!TryParse(owner, out var machine, out var pid, out var startTicks) || !string.Equals(machine, Environment.MachineName, StringComparison.Ordinal))
        {
            // Another machine, or an owner id of the host's own making: only the lease tells.
            return true;
        }

        if (pid == Environment.ProcessId && startTicks == s_current.Value.StartTicks)
        {
            return LiveExecutions.IsRunningHere(execution.ExecutionId);
        }

        return ProcessStartTicks(pid) is { } ticks && Math.Abs(ticks - startTicks) <= StartTimeTolerance;
    }

    /// <summary>
    /// How far two readings of one process's start time may differ. On Linux a process's start time is its start
    /// since boot plus the boot time, which each reading process derives with its own rounding: the same process reads
    /// differently from two processes (observed: 0.8 ms apart), so an exact comparison took a live owner for a dead one
    /// and let a second process run its execution. A process id reused within a second of the old one's start is not
    /// a case worth the risk.
    /// </summary>
    private const long StartTimeTolerance = TimeSpan.TicksPerSecond;

    internal static string Format(string machine, int pid, long startTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine}:{pid}:{startTicks}");

    internal static bool TryParse(string owner, out string machine, out int pid, out long startTicks)
    {
        machine = "";
        pid = 0;
        startTicks = 0;
        var last = owner.LastIndexOf(':');
        var middle = last > 0 ? owner.LastIndexOf(':', last - 1) : -1;
        if (middle <= 0
            || !int.TryParse(owner.AsSpan(middle + 1, last - middle - 1), NumberStyles.None, CultureInfo.InvariantCulture, out pid)
            || !long.TryParse(owner.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out startTicks))
        {
            return false;
        }

        machine = owner[..middle];
        return true;
    }

    private static long? ProcessStartTicks(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
