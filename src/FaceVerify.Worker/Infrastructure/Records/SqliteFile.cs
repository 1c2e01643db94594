using Microsoft.Data.Sqlite;

namespace FaceVerify.Worker.Records;

/// <summary>
/// The embedded SQLite file the record and challenge stores share: pooled short connections, and each store's schema
/// created once (idempotent statements, so several stores and processes on one file agree) before its first statement.
/// </summary>
internal sealed class SqliteFile
{
    private const int BusySeconds = 30;
    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;

    public SqliteFile(string databasePath, Func<SqliteConnection, Task> createSchema)
    {
        var path = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = BusySeconds }.ToString();
        _schema = new Lazy<Task>(async () =>
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync();
            // A setting of the file, not of a table: readers do not block the one writer.
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                await wal.ExecuteNonQueryAsync();
            }
            await createSchema(connection);
        });
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value.WaitAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // A write that meets another writer's lock waits inside SQLite (sleeps of 1, 2, 5… ms) instead of returning
        // SQLITE_BUSY to Microsoft.Data.Sqlite, whose own retry sleeps 150 ms: with two messages at once that sleep
        // left a quarter of the cores idle (warm throughput 52–56/s without, 66–69/s with; docs/measurements.md).
        await using (var busy = connection.CreateCommand())
        {
            busy.CommandText = $"PRAGMA busy_timeout = {BusySeconds * 1000};";
            await busy.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }
}
