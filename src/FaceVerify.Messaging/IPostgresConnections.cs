using Npgsql;

namespace FaceVerify.Messaging;

/// <summary>Opens connections to the shared PostgreSQL database. The worker's implementation migrates the schema
/// first; a bus client on another machine only reads and writes tables the workers created.</summary>
public interface IPostgresConnections
{
    Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>A pooled data source from a connection string, for bus clients outside the worker.</summary>
public sealed class PostgresDataSourceConnections(string connectionString) : IPostgresConnections, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
