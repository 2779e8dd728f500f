using Microsoft.Data.Sqlite;

namespace Flux.Internal;

/// <summary>
/// Opens a store's file: checks it is whole and is a Flux store of a version this build can read, turns WAL on and
/// applies the migrations it lacks, in one transaction that concurrent openers (other processes) wait for.
/// </summary>
internal static class SqliteOpener
{
    /// <summary>Opens the writing connection and brings the file's schema to <see cref="SqliteSchema.CurrentVersion"/>.</summary>
    public static SqliteConnection OpenWriter(string connectionString, string path, SqliteExecutionStoreOptions options)
    {
        SqliteFile.CheckBeforeOpening(path);
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}");
            var (applicationId, version, objects) = ReadMarks(connection);
            CheckMarks(path, applicationId, version, objects);

            var journal = Scalar(connection, "PRAGMA journal_mode = WAL") as string;
            if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new ExecutionStoreException(
                    $"The SQLite store '{path}' could not switch to WAL mode (SQLite answered '{journal}'); the file must be on a local file system that supports shared memory.");
            }

            Execute(connection, options.Durability == SqliteDurability.Full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            if (version < SqliteSchema.CurrentVersion)
            {
                Migrate(connection, path);
            }

            if (options.CheckIntegrityOnOpen)
            {
                CheckIntegrity(connection, path);
            }

            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteFile.Wrap(path, e, "open the file");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Migrate(SqliteConnection connection, string path)
    {
        Execute(connection, "BEGIN IMMEDIATE");
        try
        {
            // Another process may have migrated the file while this one waited for the write lock: read again.
            var (applicationId, version, objects) = ReadMarks(connection);
            CheckMarks(path, applicationId, version, objects);
            for (var v = (int)version; v < SqliteSchema.CurrentVersion; v++)
            {
                Execute(connection, SqliteSchema.Migrations[v]);
            }

            Execute(connection, $"PRAGMA application_id = {SqliteSchema.ApplicationId}");
            Execute(connection, $"PRAGMA user_version = {SqliteSchema.CurrentVersion}");
            Execute(connection, "COMMIT");
        }
        catch
        {
            if (!connection.IsAutocommit())
            {
                Execute(connection, "ROLLBACK");
            }

            throw;
        }
    }

    /// <summary>
    /// Reads the marks in one statement, so from one snapshot: three separate reads could see another opener's migration
    /// half-way (its tables committed after the application id was read) and take a Flux file for another program's.
    /// </summary>
    private static (long ApplicationId, long Version, long Objects) ReadMarks(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static void CheckMarks(string path, long applicationId, long version, long objects)
    {
        if (applicationId != SqliteSchema.ApplicationId && (objects > 0 || version != 0))
        {
            throw new ExecutionStoreException(
                $"The file '{path}' is a SQLite database of another program (it has {objects} tables or indexes but not Flux's application id), so Flux will not write to it. " +
                "Point the store at a file of its own.");
        }

        if (version > SqliteSchema.CurrentVersion)
        {
            throw new ExecutionStoreException(
                $"The SQLite store '{path}' has schema version {version}, but this build of Flux.Sqlite supports versions up to {SqliteSchema.CurrentVersion}: " +
                "the file was written by a newer version of Flux. Upgrade the Flux.Sqlite package to open it (Flux did not change the file).");
        }
    }

    private static void CheckIntegrity(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        using var reader = command.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read() && problems.Count < 5)
        {
            problems.Add(reader.GetString(0));
        }

        if (problems is not ["ok"])
        {
            throw SqliteFile.Corrupt(path, $"SQLite's integrity check found: {string.Join("; ", problems)}");
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
