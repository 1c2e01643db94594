namespace FaceVerify.Contracts;

/// <summary>Command: does the exam-time snapshot show the registered, live person?</summary>
public sealed record VerifyIdentity
{
    /// <summary>Business key; a redelivered or re-sent command with the same id is answered from the record.</summary>
    public required Guid VerificationId { get; init; }
    public required string CandidateId { get; init; }
    public required string ExamId { get; init; }
    public required ImageInput IdPhoto { get; init; }
    public required ImageInput Snapshot { get; init; }
    public IReadOnlyList<ImageInput> ExtraFrames { get; init; } = [];
    /// <summary>A challenge from <see cref="IssueLivenessChallenge"/>: the snapshot is then the frame before the first
    /// step and <see cref="ExtraFrames"/> the frames after each step, in order. Null: no active liveness check.</summary>
    public string? ChallengeId { get; init; }
    /// <summary>Named policy; null means the worker's configured default.</summary>
    public string? Policy { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}
