namespace Flux;

/// <summary>How a <see cref="PostgresExecutionStore"/> connects and where it keeps its tables.</summary>
public sealed record PostgresExecutionStoreOptions
{
    /// <summary>The Npgsql connection string, for example <c>Host=localhost;Username=flux;Password=...;Database=flux</c>.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// The PostgreSQL schema that holds the store's tables (created when missing). Several stores may share a
    /// database with different schemas. A plain identifier: letters, digits and underscores.
    /// </summary>
    public string Schema { get; init; } = "flux";

    /// <summary>The most writes one transaction carries (group commit); more waiting writes go into the next one.</summary>
    public int MaxWritesPerCommit { get; init; } = 1024;
}
