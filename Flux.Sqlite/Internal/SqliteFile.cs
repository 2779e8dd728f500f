using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace Flux.Internal;

/// <summary>
/// What the store tells about its file: the checks made before SQLite opens it, and the errors that name the file
/// and what to do. Nothing here writes to the file.
/// </summary>
internal static class SqliteFile
{
    private const int HeaderSize = 100;
    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    /// <summary>
    /// Refuses a file that cannot be a whole SQLite database: shorter than its header, without SQLite's magic, or
    /// shorter than the size its header records (a truncated copy). Reads the header only; a missing or empty file
    /// passes (SQLite starts a new database in it).
    /// </summary>
    public static void CheckBeforeOpening(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return;
        }

        var header = new byte[HeaderSize];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false);
        }

        if (read < HeaderSize)
        {
            throw Corrupt(path, $"it is {file.Length} bytes long, shorter than a SQLite header (the file was truncated, or is not a database)");
        }

        if (!header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ExecutionStoreException(
                $"The file '{path}' is not a SQLite database (it does not start with SQLite's header), so it is not a Flux store. Flux did not change it. " +
                "Check the path in the connection string; if it should be a Flux store, it is damaged: restore it from a backup.");
        }

        var pageSize = (long)BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16));
        pageSize = pageSize == 1 ? 65536 : pageSize;
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28));
        var sizeIsValid = pages != 0 && BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(24)) == BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(92));
        var wal = new FileInfo(path + "-wal");

        // With a non-empty write-ahead log the file may legitimately be shorter (a checkpoint that a crash
        // interrupted is finished from the log), so only a file without one is judged by its recorded size.
        if (sizeIsValid && (!wal.Exists || wal.Length == 0) && file.Length < pages * pageSize)
        {
            throw Corrupt(path, $"it is {file.Length} bytes long but its header records {pages} pages of {pageSize} bytes ({pages * pageSize} bytes): the file was truncated");
        }
    }

    /// <summary>The error for a damaged file: names it, says that Flux left it alone, and what to do.</summary>
    public static ExecutionStoreException Corrupt(string path, string what, Exception? inner = null) =>
        new(
            $"The SQLite store '{path}' is damaged: {what}. Flux did not change or repair the file. Stop every process that uses it and keep a copy; " +
            "then restore the file from a backup, or salvage what can still be read into a new file with the sqlite3 shell ('sqlite3 damaged.db .recover | sqlite3 new.db') " +
            "and point the store at the new file.",
            inner);

    /// <summary>Whether an error means the file is damaged (SQLITE_CORRUPT or SQLITE_NOTADB).</summary>
    public static bool IsCorruption(SqliteException e) => (e.SqliteErrorCode & 0xFF) is 11 or 26;

    /// <summary>Turns a SQLite error into a store error that names the file, the execution and the operation.</summary>
    public static ExecutionStoreException Wrap(string path, SqliteException e, string operation, string? executionId = null) =>
        IsCorruption(e)
            ? Corrupt(path, $"SQLite reported \"{e.Message}\" while the store tried to {operation}{For(executionId)}", e)
            : new ExecutionStoreException($"The SQLite store '{path}' could not {operation}{For(executionId)}: {e.Message}", e);

    private static string For(string? executionId) => executionId is null ? string.Empty : $" for execution '{executionId}'";
}
