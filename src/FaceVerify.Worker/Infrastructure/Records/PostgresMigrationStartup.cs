using Npgsql;

namespace FaceVerify.Worker.Records;

/// <summary>
/// Applies the migrations at start without holding up the host: while the database is not reachable it tries again
/// with a bounded back-off, and /health/ready stays unready until it has succeeded.
/// </summary>
public sealed class PostgresMigrationStartup(PostgresDatabase database, ILogger<PostgresMigrationStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                await database.EnsureMigratedAsync(stoppingToken);
                logger.LogInformation("PostgreSQL schema at version {Version}", PostgresMigrations.LatestVersion);
                return;
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "PostgreSQL migrations not applied yet; trying again in {Delay}", delay);
            }
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }
}
