namespace FaceVerify.Contracts;

/// <summary>
/// Response to <see cref="IssueLivenessChallenge"/> and the body of <c>POST /v1/challenges</c>: the client shows the
/// steps in order, takes a frame before the first step (the snapshot) and one after each (the extra frames), and
/// sends <see cref="VerifyIdentity"/> with this <see cref="ChallengeId"/> before <see cref="ExpiresAt"/>. Usable once.
/// </summary>
public sealed record LivenessChallengeIssued
{
    public required string ChallengeId { get; init; }
    /// <summary>Wire names in order: <c>turn_left</c>, <c>turn_right</c> (the candidate's own left and right in the unmirrored frame), <c>blink</c>.</summary>
    public required IReadOnlyList<string> Steps { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    /// <summary>The policy (name and version) the challenge was issued under and will be judged by.</summary>
    public string? Policy { get; init; }
}
