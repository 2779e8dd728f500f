using Flux.Stores.Tests.Contract;

namespace Flux.Stores.Tests.Sqlite;

/// <summary>The contract, on a real SQLite file per test.</summary>
public sealed class SqliteStoreTests : ExecutionStoreContract
{
    private TempFolder? _folder;

    private string DatabasePath => _folder!.File("flux.db");

    protected override ValueTask<IExecutionStore> CreateStoreAsync()
    {
        _folder = new TempFolder();
        return ValueTask.FromResult<IExecutionStore>(new SqliteExecutionStore($"Data Source={DatabasePath}"));
    }

    protected override ValueTask<IExecutionStore> OpenAnotherInstanceAsync() =>
        ValueTask.FromResult<IExecutionStore>(new SqliteExecutionStore($"Data Source={DatabasePath}"));

    protected override ExecutionStoreStatistics StatisticsOf(IExecutionStore store) => ((SqliteExecutionStore)store).Statistics;

    protected override ValueTask AfterStoresDisposedAsync()
    {
        _folder?.Dispose();
        return ValueTask.CompletedTask;
    }
}
