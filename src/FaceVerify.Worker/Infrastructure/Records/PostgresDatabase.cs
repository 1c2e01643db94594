using FaceVerify.Messaging;
using FaceVerify.Worker.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FaceVerify.Worker.Records;

/// <summary>
/// The shared PostgreSQL database: one pooled data source per process, migrated before the first statement.
/// A failed migration (database not up yet) is tried again by the next caller, not remembered.
/// </summary>
public sealed class PostgresDatabase : IPostgresConnections, IAsyncDisposable
{
    private readonly SemaphoreSlim _migrating = new(1, 1);
    private volatile bool _migrated;

    public PostgresDatabase(IOptions<PostgresOptions> options)
    {
        var connectionString = options.Value.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("FaceVerify:Postgres:ConnectionString is not set (e.g. FaceVerify__Postgres__ConnectionString in the environment).");
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public NpgsqlDataSource DataSource { get; }

    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_migrated) return;
        await _migrating.WaitAsync(cancellationToken);
        try
        {
            if (_migrated) return;
            await PostgresMigrations.ApplyAsync(DataSource, cancellationToken);
            _migrated = true;
        }
        finally { _migrating.Release(); }
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        return await DataSource.OpenConnectionAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        _migrating.Dispose();
    }
}
