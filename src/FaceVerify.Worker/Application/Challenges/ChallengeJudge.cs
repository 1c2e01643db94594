using FaceVerify.Core.Challenge;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;
using FaceVerify.Worker.Records;

namespace FaceVerify.Worker.Challenges;

/// <summary>
/// Adds a redeemed challenge's verdict to a verification's result, exactly as <c>faceverify verify --challenge</c>
/// does: frame 0 is the snapshot, then the extra frames in order, judged under the policy the challenge was issued
/// under. A challenge that could not be redeemed is a blocking finding of its own.
/// </summary>
public sealed class ChallengeJudge(IChallengeStore store, ChallengeVerifier verifier, TimeProvider clock)
{
    /// <summary>Consumes the challenge for this verification before anything is judged: a failed attempt burns it.</summary>
    public Task<ChallengeRedemption> RedeemAsync(string challengeId, Guid verificationId, CancellationToken cancellationToken) =>
        store.RedeemAsync(challengeId, verificationId, clock.GetUtcNow(), cancellationToken);

    public VerificationResult Apply(ChallengeRedemption redemption, VerificationEvidence evidence, VerificationResult result,
        CancellationToken cancellationToken)
    {
        if (redemption is not { Status: ChallengeRedemptionStatus.Redeemed, Challenge: { } challenge })
            return ChallengeResults.Merge(result, new ChallengeOutcome([], [], null, [Refusal(redemption.Status)]));
        var frames = new List<ReadOnlyMemory<byte>> { evidence.Snapshot };
        frames.AddRange(evidence.ExtraFrameMemories());
        return ChallengeResults.Merge(result, verifier.Verify(evidence.IdPhoto, frames, challenge.Steps, challenge.Policy, cancellationToken));
    }

    /// <summary>
    /// A re-run of stored evidence keeps its challenge: the one the verification redeemed is judged again (steps and
    /// policy from the store), and a refusal (expired, reused) found the first time stays in the result.
    /// </summary>
    public async Task<VerificationResult> ReapplyAsync(Guid verificationId, IReadOnlyList<string> previousCodes, VerificationEvidence evidence,
        VerificationResult result, CancellationToken cancellationToken)
    {
        if (await store.FindRedeemedByAsync(verificationId, cancellationToken) is { } challenge)
            return Apply(new ChallengeRedemption(ChallengeRedemptionStatus.Redeemed, challenge), evidence, result, cancellationToken);
        if (previousCodes.Contains(ReasonCodes.ChallengeReused))
            return Apply(new ChallengeRedemption(ChallengeRedemptionStatus.Reused, null), evidence, result, cancellationToken);
        if (previousCodes.Contains(ReasonCodes.ChallengeExpired))
            return Apply(new ChallengeRedemption(ChallengeRedemptionStatus.Expired, null), evidence, result, cancellationToken);
        return result;
    }

    /// <summary>Expired and unknown read the same, so nobody learns which ids exist; a new challenge fixes it. Reuse needs a person.</summary>
    private static Finding Refusal(ChallengeRedemptionStatus status) => status == ChallengeRedemptionStatus.Reused
        ? new Finding(ReasonCodes.ChallengeReused, "the challenge was already used by another verification", null, null, Severity.Block) { RetakeCanFix = false }
        : new Finding(ReasonCodes.ChallengeExpired, "the challenge has expired or is unknown: ask for a new one", null, null, Severity.Block) { RetakeCanFix = true };
}
