using Flux.Stores.Tests.Contract;
using Npgsql;

namespace Flux.Stores.Tests.Postgres;

/// <summary>The contract, on a real PostgreSQL server, in a schema of its own per test.</summary>
public sealed class PostgresStoreTests : ExecutionStoreContract
{
    private string _schema = null!;

    protected override ValueTask<IExecutionStore> CreateStoreAsync()
    {
        _schema = $"t_{Guid.NewGuid():n}";
        return ValueTask.FromResult<IExecutionStore>(Open());
    }

    private PostgresExecutionStore Open() => new(new PostgresExecutionStoreOptions { ConnectionString = PostgresServer.ConnectionString, Schema = _schema });

    protected override ValueTask<IExecutionStore> OpenAnotherInstanceAsync() => ValueTask.FromResult<IExecutionStore>(Open());

    protected override ExecutionStoreStatistics StatisticsOf(IExecutionStore store) => ((PostgresExecutionStore)store).Statistics;

    protected override async ValueTask AfterStoresDisposedAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
