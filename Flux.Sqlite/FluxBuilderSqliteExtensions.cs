using Microsoft.Data.Sqlite;

namespace Flux;

/// <summary>
/// <c>AddFlux(f => f.UseSqlite("flux.db"))</c>: the SQLite store in a host. It lives here, in the store's package, so that
/// Flux.Hosting depends on no database: an application references the store it uses.
/// </summary>
public static class FluxBuilderSqliteExtensions
{
    /// <summary>Keeps the host's executions in a SQLite file (created when missing), opened when the host first needs the store.</summary>
    /// <param name="builder">The Flux builder.</param>
    /// <param name="path">The file's path, such as <c>flux.db</c>.</param>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public static FluxBuilder UseSqlite(this FluxBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("UseSqlite needs the path of the SQLite file to keep executions in, such as \"flux.db\".", nameof(path));
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        return builder.UseSqlite(new SqliteExecutionStoreOptions { ConnectionString = connectionString });
    }

    /// <summary>Keeps the host's executions in SQLite, with all of the store's options.</summary>
    public static FluxBuilder UseSqlite(this FluxBuilder builder, SqliteExecutionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        return builder.UseStore($"SQLite file {file}", _ => new SqliteExecutionStore(options));
    }
}
