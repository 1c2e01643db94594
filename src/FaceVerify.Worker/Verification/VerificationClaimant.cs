using FaceVerify.Worker.Options;
using FaceVerify.Worker.Records;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Verification;

/// <summary>
/// Claims a VerificationId before computing it. The loser of a race waits for the winner's record, polling with a
/// short bounded back-off; when the winner died mid-run its lease runs out and the next claim takes it over.
/// </summary>
public sealed class VerificationClaimant(
    IVerificationRecordStore records,
    IOptions<RecordOptions> options,
    WorkerInstance instance,
    TimeProvider clock)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);

    /// <returns>Null when this caller won and must compute; else the finished record to answer from.</returns>
    public async Task<VerificationRecord?> ClaimOrAwaitAsync(Guid verificationId, CancellationToken cancellationToken)
    {
        var poll = FirstPoll;
        while (true)
        {
            var claim = await records.ClaimAsync(verificationId, instance.Id, options.Value.ClaimLease, cancellationToken);
            switch (claim.Outcome)
            {
                case VerificationClaimOutcome.Won: return null;
                case VerificationClaimOutcome.Completed: return claim.Record!;
            }
            // Held by a live worker (or one that died, until its lease runs out): its record is usually there within
            // one computation. The wait is bounded by the lease, after which this loop's next claim takes over.
            await Task.Delay(poll, clock, cancellationToken);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));
        }
    }
}
