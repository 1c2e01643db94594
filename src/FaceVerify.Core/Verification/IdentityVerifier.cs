using System.Diagnostics;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Liveness;
using FaceVerify.Core.Policy;

namespace FaceVerify.Core.Verification;

/// <summary>
/// ID photo + snapshot → verdict. Pass only when no blocking finding exists, the faces match and the
/// snapshot is live. Registration-only problems of the ID photo (file size, pixel size, background) are
/// warnings here: the photo was accepted at upload, and they do not stop a match.
/// </summary>
public sealed class IdentityVerifier(ImageAssessor assessor, PolicyCatalog policies, IModelSetInfo models, IFrameLivenessEvidence? frameEvidence = null) : IIdentityVerifier
{
    private static readonly HashSet<string> PhotoCodesThatBlockVerification =
    [
        ReasonCodes.Photo(ReasonCodes.Face.Unreadable), ReasonCodes.PhotoNotJpeg, ReasonCodes.InputTooLarge,
        ReasonCodes.Photo(ReasonCodes.Face.NoFace), ReasonCodes.Photo(ReasonCodes.Face.MultipleFaces),
        ReasonCodes.Photo(ReasonCodes.Face.OccludedMask), ReasonCodes.Photo(ReasonCodes.Face.OccludedSunglasses),
    ];

    private static readonly HashSet<string> SnapshotOcclusionCodes =
    [
        ReasonCodes.Snapshot(ReasonCodes.Face.OccludedMask), ReasonCodes.Snapshot(ReasonCodes.Face.OccludedSunglasses),
        ReasonCodes.Snapshot(ReasonCodes.Face.OccludedHair),
    ];

    public Task<VerificationResult> VerifyAsync(VerificationRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Finding? unknown = null;
        if (!policies.TryGet(request.Policy, out var policy))
            policy = UnknownPolicyStandIn(request.Policy, out unknown);

        var photo = assessor.AssessIdPhoto(request.IdPhoto, cancellationToken);
        var snapshot = assessor.Assess(request.Snapshot, AnalysisScope.Snapshot, cancellationToken);
        if (frameEvidence is not null) snapshot = ExtraFrameLiveness.Apply(snapshot, request.ExtraFrames, assessor, frameEvidence, cancellationToken);
        var rulesStarted = Stopwatch.GetTimestamp();

        var findings = new List<Finding>();
        if (unknown is not null) findings.Add(unknown);
        findings.AddRange(IdPhotoRules.Evaluate(photo.Decoded, photo.Reading, policy)
            .Select(f => PhotoCodesThatBlockVerification.Contains(f.Code) || f.Severity == Severity.Warn ? f : f with { Severity = Severity.Warn }));
        var snapshotFindings = SnapshotRules.Evaluate(snapshot.Decoded, snapshot.Reading, policy);
        // A mask or sunglasses throws off the face models that judge the whole face: the right person's similarity
        // drops and the liveness model reads a covered face as a presentation. While the face is covered, a low match
        // or liveness score asks for an uncovered retake (where both are judged again) instead of a person's review.
        var covered = snapshotFindings.Any(f => f.Severity == Severity.Block && SnapshotOcclusionCodes.Contains(f.Code));
        findings.AddRange(snapshotFindings.Select(f => covered && f.Code == ReasonCodes.SnapshotSpoofSuspected ? f with { RetakeCanFix = true } : f));

        var factory = new FindingFactory(policy);
        double? similarity = null;
        if (photo.Reading?.Primary is { } a && snapshot.Reading?.Primary is { } b)
        {
            similarity = Math.Round(Similarity.Cosine(a.Embedding, b.Embedding), 4);
            if (similarity < policy.MatchThreshold)
                findings.Add(factory.Make(ReasonCodes.MatchBelowThreshold, "the snapshot does not match the ID photo", similarity, policy.MatchThreshold, covered));
        }
        else
        {
            var snapshotIsTheReason = photo.Reading?.Primary is not null;
            findings.Add(factory.Make(ReasonCodes.MatchNotEvaluated,
                snapshotIsTheReason ? "no usable face in the snapshot to compare" : "no usable face in the ID photo to compare", null, null, snapshotIsTheReason));
        }

        var (verdict, retakeAllowed) = VerdictRule.Of(findings);
        var timings = Timings(photo, snapshot, rulesStarted, started);
        var measurements = new Dictionary<string, double>();
        if (photo.Reading is { } pr) foreach (var (k, v) in MeasurementMap.From(pr, "photo.")) measurements[k] = v;
        if (snapshot.Reading is { } sr) foreach (var (k, v) in MeasurementMap.From(sr, "snapshot.")) measurements[k] = v;

        return Task.FromResult(new VerificationResult
        {
            Verdict = verdict,
            RetakeAllowed = retakeAllowed,
            Findings = findings,
            Scores = new VerificationScores
            {
                Similarity = similarity,
                SimilarityThreshold = policy.MatchThreshold,
                Liveness = snapshot.Reading?.Primary?.Liveness is { } l ? Math.Round(l.Score, 4) : null,
                LivenessThreshold = policy.LivenessThreshold,
                Measurements = measurements,
            },
            Policy = policy.Label,
            ModelSet = models.ModelSet,
            TimingsMs = timings,
            IdPhotoSha256 = photo.Decoded.Sha256,
            SnapshotSha256 = snapshot.Decoded.Sha256,
            Faces = new VerificationFaces(Geometry(photo), Geometry(snapshot)),
        });
    }

    private PolicyOptions UnknownPolicyStandIn(string? name, out Finding finding)
    {
        finding = new Finding(ReasonCodes.RequestUnknownPolicy, $"no policy named '{name}'; evaluated under the default to report the other findings", null, null, Severity.Block);
        policies.TryGet(null, out var fallback);
        return fallback;
    }

    private static ImageGeometry? Geometry(ImageAssessment assessment) =>
        assessment.Reading is { } reading ? ImageGeometry.From(reading) : null;

    private static Dictionary<string, double> Timings(ImageAssessment photo, ImageAssessment snapshot, long rulesStarted, long started)
    {
        var timings = new Dictionary<string, double>();
        foreach (var (stage, ms) in photo.TimingsMs.Concat(snapshot.TimingsMs))
            timings[stage] = Math.Round(timings.GetValueOrDefault(stage) + ms, 3);
        timings["rules"] = Math.Round(Stopwatch.GetElapsedTime(rulesStarted).TotalMilliseconds, 3);
        timings["total"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3);
        return timings;
    }
}
