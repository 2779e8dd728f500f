namespace Flux;

/// <summary>
/// <c>AddFlux(f => f.UsePostgreSql(connectionString))</c>: the PostgreSQL store in a host. It lives here, in the store's
/// package, so that Flux.Hosting depends on no database: an application references the store it uses.
/// </summary>
public static class FluxBuilderPostgresExtensions
{
    /// <summary>Keeps the host's executions in PostgreSQL (schema <c>flux</c>, created when missing).</summary>
    /// <param name="builder">The Flux builder.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public static FluxBuilder UsePostgreSql(this FluxBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("UsePostgreSql needs the connection string of the database to keep executions in, such as \"Host=localhost;Database=flux;Username=flux\".", nameof(connectionString));
        }

        return builder.UsePostgreSql(new PostgresExecutionStoreOptions { ConnectionString = connectionString });
    }

    /// <summary>Keeps the host's executions in PostgreSQL, with all of the store's options.</summary>
    public static FluxBuilder UsePostgreSql(this FluxBuilder builder, PostgresExecutionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.UseStore($"PostgreSQL schema {options.Schema}", _ => new PostgresExecutionStore(options));
    }
}
