namespace Flux;

/// <summary>How a <see cref="SqliteExecutionStore"/> opens and writes its file.</summary>
public sealed record SqliteExecutionStoreOptions
{
    /// <summary>
    /// The Microsoft.Data.Sqlite connection string, for example <c>Data Source=flux.db</c>. The file is created when it
    /// does not exist; an in-memory database (<c>:memory:</c>) is refused: use <see cref="InMemoryExecutionStore"/>.
    /// </summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// When a commit reaches the disk. <see cref="SqliteDurability.Normal"/> (the default) survives the process
    /// crashing or being killed at any point; <see cref="SqliteDurability.Full"/> also survives the machine losing
    /// power, at the price of an fsync per commit.
    /// </summary>
    public SqliteDurability Durability { get; init; } = SqliteDurability.Normal;

    /// <summary>How long a write waits for another process that holds the file's write lock before it fails.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most writes one transaction carries (group commit); more waiting writes go into the next one.</summary>
    public int MaxWritesPerCommit { get; init; } = 4096;

    /// <summary>
    /// Runs SQLite's <c>PRAGMA quick_check</c> when the store opens and refuses a file that fails it. Off by default: it
    /// reads the whole file, which takes seconds for a large one. Corruption met later is reported when it is met.
    /// </summary>
    public bool CheckIntegrityOnOpen { get; init; }
}

/// <summary>When a SQLite commit is on the disk (SQLite's <c>synchronous</c> setting, in WAL mode).</summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=NORMAL</c>: a commit is written to the write-ahead log before the append returns, and the log is
    /// synced to the disk at checkpoints. A process that crashes or is killed loses nothing that was committed; a
    /// power loss or operating-system crash may lose the last commits before the latest checkpoint, but never corrupts
    /// the file.
    /// </summary>
    Normal,

    /// <summary><c>synchronous=FULL</c>: every commit is synced to the disk before the append returns; survives a power loss.</summary>
    Full,
}
