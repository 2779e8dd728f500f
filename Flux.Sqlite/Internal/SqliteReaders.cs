using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Flux.Internal;

/// <summary>
/// Read connections, kept open with their prepared statements and lent to one read at a time. In WAL mode readers
/// never wait for the writer and see every commit made before their read began.
/// </summary>
internal sealed class SqliteReaders(string connectionString, string path) : IDisposable
{
    private const int Kept = 8;
    private readonly ConcurrentBag<SqliteReadSession> _idle = [];
    private volatile bool _disposed;

    public SqliteReadSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var session))
        {
            return session;
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteFile.Wrap(path, e, "open a read connection");
        }

        return new SqliteReadSession(connection);
    }

    public void Return(SqliteReadSession session)
    {
        if (_disposed || !session.Connection.IsAutocommit() || _idle.Count >= Kept)
        {
            session.Dispose();
            return;
        }

        _idle.Add(session);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }
}

/// <summary>One read connection and its prepared statements.</summary>
internal sealed class SqliteReadSession : IDisposable
{
    public SqliteReadSession(SqliteConnection connection)
    {
        Connection = connection;
        Get = Prepare($"SELECT {StoredNames.ExecutionColumns} FROM executions WHERE execution_id = $id", "$id");
        FindKey = Prepare("SELECT id FROM executions WHERE execution_id = $id", "$id");
        Events = new RawStatement(connection, $"SELECT {SqliteRows.EventColumns} FROM events WHERE execution = ?1 AND sequence > ?2 ORDER BY sequence");
        Begin = new RawStatement(connection, "BEGIN");
        Commit = new RawStatement(connection, "COMMIT");
    }

    public SqliteConnection Connection { get; }

    public SqliteCommand Get { get; }

    public SqliteCommand FindKey { get; }

    public RawStatement Events { get; }

    public RawStatement Begin { get; }

    public RawStatement Commit { get; }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    public void Dispose()
    {
        Get.Dispose();
        FindKey.Dispose();
        Events.Dispose();
        Begin.Dispose();
        Commit.Dispose();
        Connection.Dispose();
    }
}
