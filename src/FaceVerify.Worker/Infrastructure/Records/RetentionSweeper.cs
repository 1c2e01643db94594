using FaceVerify.Worker.Options;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Records;

/// <summary>
/// Deletes evidence past its retention (and challenges expired as long ago) and claim-check data past its time-to-live
/// (files of the folder, and rows of the shared database when that holds them), periodically; several workers sweeping
/// the same database at once is harmless.
/// </summary>
public sealed class RetentionSweeper(
    IEvidenceStore evidence,
    IChallengeStore challenges,
    IOptions<RecordOptions> records,
    IOptions<MessageDataOptions> messageData,
    TimeProvider clock,
    ILogger<RetentionSweeper> logger,
    PostgresMessageDataRepository? sharedMessageData = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(records.Value.SweepInterval, clock);
        do
        {
            try { await SweepOnceAsync(stoppingToken); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                logger.LogWarning(e, "Retention sweep failed; it runs again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deleted = await evidence.DeleteSavedBeforeAsync(now - records.Value.EvidenceRetention, cancellationToken);
        // Kept as long as the evidence, so a re-run can judge the same steps again; afterwards an id reads as unknown.
        await challenges.DeleteExpiredBeforeAsync(now - records.Value.EvidenceRetention, cancellationToken);
        var expiredData = DeleteMessageDataBefore(now - messageData.Value.TimeToLive, cancellationToken);
        if (sharedMessageData is not null) expiredData += await sharedMessageData.DeleteExpiredAsync(cancellationToken);
        if (deleted + expiredData > 0)
            logger.LogInformation("Retention sweep deleted evidence of {Verifications} verifications and {Entries} message-data entries", deleted, expiredData);
    }

    private int DeleteMessageDataBefore(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var root = new DirectoryInfo(messageData.Value.Path);
        if (!root.Exists) return 0;
        var deleted = 0;
        foreach (var file in root.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.LastWriteTimeUtc >= cutoff.UtcDateTime) continue;
            file.Delete();
            deleted++;
        }
        return deleted;
    }
}
