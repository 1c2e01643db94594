using FaceVerify.Worker.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FaceVerify.Worker.Records;

/// <summary>Ready only when the shared database answers and its schema is migrated to this build's latest version.</summary>
public sealed class PostgresHealthCheck(PostgresDatabase database, IOptions<PostgresOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HealthTimeout);
        try
        {
            await using var connection = await database.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT max(version) FROM schema_migrations", connection);
            var version = Convert.ToInt32(await command.ExecuteScalarAsync(timeout.Token), System.Globalization.CultureInfo.InvariantCulture);
            return version >= PostgresMigrations.LatestVersion
                ? HealthCheckResult.Healthy($"postgres schema version {version}")
                : HealthCheckResult.Unhealthy($"postgres schema version {version}, this build needs {PostgresMigrations.LatestVersion}");
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("postgres unavailable", e);
        }
    }
}
