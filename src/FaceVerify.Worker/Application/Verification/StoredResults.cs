using FaceVerify.Contracts;
using FaceVerify.Core.Verification;
using FaceVerify.Worker.Records;

namespace FaceVerify.Worker.Verification;

/// <summary>
/// The reverse of <see cref="CompletedEvents"/>: a stored contract result back as the core's result, so the
/// report can render it, with the face geometry the record kept beside it (the report runs no model).
/// </summary>
internal static class StoredResults
{
    public static VerificationResult ToCoreResult(IdentityVerificationCompleted completed, VerificationRecord record, VerificationFaces? faces) => new()
    {
        Verdict = completed.Verdict == Verdicts.Pass ? Verdict.Pass : Verdict.Fail,
        RetakeAllowed = completed.RetakeAllowed,
        Findings = completed.Findings.Select(f => f.ToFinding()).ToArray(),
        Scores = new VerificationScores
        {
            Similarity = completed.Scores.Similarity,
            SimilarityThreshold = completed.Scores.SimilarityThreshold,
            Liveness = completed.Scores.Liveness,
            LivenessThreshold = completed.Scores.LivenessThreshold,
            Measurements = completed.Scores.Measurements,
        },
        Policy = completed.Policy,
        ModelSet = completed.ModelSet,
        TimingsMs = completed.TimingsMs,
        IdPhotoSha256 = record.IdPhotoSha256,
        SnapshotSha256 = record.SnapshotSha256,
        Faces = faces,
    };
}
