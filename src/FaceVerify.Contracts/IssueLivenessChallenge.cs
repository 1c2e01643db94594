namespace FaceVerify.Contracts;

/// <summary>
/// Request: draw a new liveness challenge (head turns, blinks) for a candidate about to be verified. Answered with
/// <see cref="LivenessChallengeIssued"/>; the same as <c>POST /v1/challenges</c>.
/// </summary>
public sealed record IssueLivenessChallenge
{
    /// <summary>The policy that decides the allowed steps and later judges the frames; null means the worker's default.</summary>
    public string? Policy { get; init; }
    public string? CandidateId { get; init; }
    public string? ExamId { get; init; }
}
