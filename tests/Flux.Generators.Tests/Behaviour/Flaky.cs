namespace Flux.Generators.Tests.Behaviour;

/// <summary>Tasks that fail, to exercise the generated fallback and rollback overrides.</summary>
public static partial class Flaky
{
    private static int s_attempts;

    /// <summary>How many times <see cref="Fails"/> ran.</summary>
    public static int Attempts => Volatile.Read(ref s_attempts);

    /// <summary>The keys <see cref="Undo"/> compensated.</summary>
    public static System.Collections.Concurrent.ConcurrentQueue<string> RolledBack { get; } = new();

    /// <summary>Always fails; its fallback answers instead.</summary>
    [Task(Retries = 2, RetryDelay = "1ms", Fallback = nameof(Backup))]
    public static int Fails(int x)
    {
        Interlocked.Increment(ref s_attempts);
        throw new InvalidOperationException("boom");
    }

    private static async Task<int> Backup(int x, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return -x;
    }

    /// <summary>Always fails; its rollback compensates.</summary>
    [Task(Rollback = nameof(Undo))]
    public static async Task<int> Breaks(string key)
    {
        await Task.Yield();
        throw new InvalidOperationException("broken " + key);
    }

    private static void Undo(string key) => RolledBack.Enqueue(key);
}
