using FaceVerify.Worker.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FaceVerify.Worker.Messaging;

/// <summary>Deletes expired claim-check entries from the shared database; several workers sweeping at once is harmless.</summary>
public sealed class PostgresMessageDataSweeper(
    PostgresMessageDataRepository repository,
    IOptions<RecordOptions> records,
    TimeProvider clock,
    ILogger<PostgresMessageDataSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(records.Value.SweepInterval, clock);
        do
        {
            try
            {
                var deleted = await repository.DeleteExpiredAsync(stoppingToken);
                if (deleted > 0) logger.LogInformation("Message-data sweep deleted {Entries} expired entries", deleted);
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "Message-data sweep failed; it runs again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
