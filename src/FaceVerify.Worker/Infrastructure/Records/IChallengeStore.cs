using FaceVerify.Core.Challenge;

namespace FaceVerify.Worker.Records;

/// <summary>
/// Issued liveness challenges, beside the records in the same database so that every worker sees them. Single use is
/// one atomic conditional update in the database, never an in-process cache.
/// </summary>
public interface IChallengeStore
{
    Task IssueAsync(StoredChallenge challenge, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the challenge used by this verification if it is unused and unexpired at <paramref name="now"/>. The same
    /// verification redeeming it again (a redelivery, a retry after a crash) finds it redeemed by itself: Redeemed.
    /// </summary>
    Task<ChallengeRedemption> RedeemAsync(string challengeId, Guid verificationId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The challenge this verification redeemed, if any: a re-run judges the same steps again.</summary>
    Task<StoredChallenge?> FindRedeemedByAsync(Guid verificationId, CancellationToken cancellationToken);

    /// <summary>Deletes challenges that expired before <paramref name="cutoff"/>; they then read as unknown.</summary>
    Task<int> DeleteExpiredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <param name="Policy">The policy name the steps were drawn under; the frames are judged by it.</param>
public sealed record StoredChallenge(string ChallengeId, IReadOnlyList<ChallengeStep> Steps, string? Policy, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public static StoredChallenge From(LivenessChallenge challenge, string? policy) =>
        new(challenge.ChallengeId, challenge.Steps, policy, challenge.IssuedAt, challenge.ExpiresAt);

    internal string StepsText => string.Join(',', Steps.Select(ChallengeSteps.Name));

    internal static IReadOnlyList<ChallengeStep> ParseSteps(string text) =>
        ChallengeSteps.TryParseList(text, out var steps, out _) ? steps : [];
}

public enum ChallengeRedemptionStatus
{
    Redeemed,
    Expired,
    /// <summary>No such id (never issued, or purged): answered like an expired one, so ids cannot be probed.</summary>
    Unknown,
    /// <summary>Already redeemed by another verification.</summary>
    Reused,
}

/// <param name="Challenge">The stored challenge when <see cref="Status"/> is Redeemed; otherwise null.</param>
public sealed record ChallengeRedemption(ChallengeRedemptionStatus Status, StoredChallenge? Challenge);
