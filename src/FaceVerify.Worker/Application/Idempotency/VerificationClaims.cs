using System.Collections.Concurrent;
using FaceVerify.Worker.Options;
using FaceVerify.Worker.Records;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Idempotency;

/// <summary>
/// Claim first, then compute: one delivery of a VerificationId computes, every other one (a redelivery, a re-sent
/// request, the same message on another worker) waits for that result or reads it. A claim whose holder died is taken
/// over once its lease has run out, so nothing is lost.
/// </summary>
public sealed class VerificationClaims(IVerificationRecordStore records, WorkerInstance instance, IOptions<RecordOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50), LongestPoll = TimeSpan.FromSeconds(1);

    // Claims this process won and then failed to finish (the consumer's retry comes back here): the lease keeps others
    // out, so the retry may compute at once instead of waiting for its own lease to run out.
    private readonly ConcurrentDictionary<Guid, byte> _abandoned = new();

    /// <summary>Null when the caller holds the claim and must compute (then <see cref="IVerificationRecordStore.SaveAsync"/>
    /// ends it); otherwise the finished record to answer from.</summary>
    public async Task<VerificationRecord?> ClaimOrAwaitAsync(Guid verificationId, CancellationToken cancellationToken)
    {
        var lease = options.Value.ClaimLease;
        var poll = FirstPoll;
        while (true)
        {
            var claim = await records.ClaimAsync(verificationId, instance.Id, lease, cancellationToken);
            switch (claim.Outcome)
            {
                case VerificationClaimOutcome.Won:
                    _abandoned.TryRemove(verificationId, out _);
                    return null;
                case VerificationClaimOutcome.Completed:
                    _abandoned.TryRemove(verificationId, out _);
                    return claim.Record;
                case VerificationClaimOutcome.HeldByOther when _abandoned.TryRemove(verificationId, out _):
                    return null;
            }
            // The next claim answers Completed with the record once the holder has saved it.
            await Task.Delay(poll, clock, cancellationToken);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));
        }
    }

    /// <summary>The computation after a won claim failed; a retry in this process may take the claim back at once.</summary>
    public void Abandon(Guid verificationId) => _abandoned[verificationId] = 0;
}
