using FaceVerify.Contracts;
using FaceVerify.Core.Verification;

namespace FaceVerify.Worker.Records;

/// <summary>What is kept of one verification: a summary of the request (hashes, never bytes) and its latest result.</summary>
public sealed record VerificationRecord
{
    public required Guid VerificationId { get; init; }
    public required string CandidateId { get; init; }
    public required string ExamId { get; init; }
    public required string IdPhotoSha256 { get; init; }
    public required string SnapshotSha256 { get; init; }
    public IReadOnlyList<string> ExtraFrameSha256s { get; init; } = [];
    /// <summary>The policy the sender asked for (null: the default); re-runs may evaluate under another.</summary>
    public string? RequestedPolicy { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    /// <summary>How many times the verification was computed: 1, plus one per re-run.</summary>
    public required int Attempts { get; init; }
    /// <summary>How many re-sent or redelivered requests were answered from this record without computing.</summary>
    public int DuplicatesAnswered { get; init; }
    public required IdentityVerificationCompleted LatestResult { get; init; }
    /// <summary>The result the latest re-run replaced, so a report can show what changed; null before any re-run.</summary>
    public IdentityVerificationCompleted? PreviousResult { get; init; }
    /// <summary>Where the latest result found the faces (boxes, landmarks, pose, liveness crop): what its report draws,
    /// so a report never runs a model. Null when nothing was computed (unobtainable input) or for records kept before.</summary>
    public VerificationFaces? LatestFaces { get; init; }
    /// <summary>The faces of <see cref="PreviousResult"/>.</summary>
    public VerificationFaces? PreviousFaces { get; init; }
}
