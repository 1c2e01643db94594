using FaceVerify.Worker.Options;
using FaceVerify.Worker.Records;
using Npgsql;

namespace FaceVerify.Worker.Tests.Postgres;

/// <summary>
/// A database of this test's own on the test cluster (scripts/test.sh starts it and sets FACEVERIFY_TEST_POSTGRES),
/// created empty and dropped at the end, so tests never see each other's rows or schema.
/// </summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly List<PostgresDatabase> _opened = [];

    private PostgresTestDatabase(string admin, string connectionString)
    {
        _admin = admin;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("FACEVERIFY_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
            throw new InvalidOperationException("FACEVERIFY_TEST_POSTGRES is not set: these tests need a real PostgreSQL (run scripts/test.sh, which starts one).");
        var name = $"fvtest_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new PostgresTestDatabase(admin, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    /// <summary>A process's view of the database: its own pool, as a separate worker would have.</summary>
    public PostgresDatabase Open()
    {
        var database = new PostgresDatabase(Microsoft.Extensions.Options.Options.Create(new PostgresOptions { ConnectionString = ConnectionString }));
        lock (_opened) _opened.Add(database);
        return database;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened) await database.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private string DatabaseName => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
}
