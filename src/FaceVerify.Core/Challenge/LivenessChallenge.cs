namespace FaceVerify.Core.Challenge;

/// <summary>
/// An issued challenge: the steps in order and how long they may be answered. The client takes one frame before
/// the first step and one after each step (optionally one more after the last, showing the return to frontal).
/// </summary>
/// <param name="ChallengeId">Random, unguessable (128 bits, hex); the service's key for single use.</param>
public sealed record LivenessChallenge(string ChallengeId, IReadOnlyList<ChallengeStep> Steps, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>How challenges are issued (<c>FaceVerify:Challenges</c>); which steps and thresholds is the policy's part.</summary>
public sealed record ChallengeIssuerOptions
{
    /// <summary>How long a challenge may be answered after it was issued.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromSeconds(60);
}
