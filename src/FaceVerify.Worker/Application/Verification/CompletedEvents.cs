using FaceVerify.Contracts;
using FaceVerify.Core.Verification;

namespace FaceVerify.Worker.Verification;

/// <summary>Maps core results onto the published contract; the contract must not depend on the core's types.</summary>
internal static class CompletedEvents
{
    public static IdentityVerificationCompleted FromResult(
        VerificationSubject subject, VerificationResult result, int attempt, RerunInfo? rerun,
        IReadOnlyDictionary<string, double> extraTimings, DateTimeOffset completedAt) => new()
    {
        VerificationId = subject.VerificationId,
        CandidateId = subject.CandidateId,
        ExamId = subject.ExamId,
        Verdict = result.Verdict == Verdict.Pass ? Verdicts.Pass : Verdicts.Fail,
        RetakeAllowed = result.RetakeAllowed,
        Findings = result.Findings.Select(f => f.ToDto()).ToArray(),
        Scores = new VerificationScoresDto
        {
            Similarity = result.Scores.Similarity,
            SimilarityThreshold = result.Scores.SimilarityThreshold,
            Liveness = result.Scores.Liveness,
            LivenessThreshold = result.Scores.LivenessThreshold,
            Measurements = result.Scores.Measurements,
        },
        Policy = result.Policy,
        ModelSet = result.ModelSet,
        Attempt = attempt,
        RerunOf = rerun?.VerificationId,
        RerunReason = rerun?.Reason,
        TimingsMs = result.TimingsMs.Concat(extraTimings).ToDictionary(),
        CompletedAt = completedAt,
    };

    /// <summary>A fail without computing: some image could not be obtained. A resend with working inputs can fix it.</summary>
    public static IdentityVerificationCompleted InputRejected(
        VerificationSubject subject, IReadOnlyList<FindingDto> problems, string policy, string modelSet,
        IReadOnlyDictionary<string, double> timings, DateTimeOffset completedAt) => new()
    {
        VerificationId = subject.VerificationId,
        CandidateId = subject.CandidateId,
        ExamId = subject.ExamId,
        Verdict = Verdicts.Fail,
        RetakeAllowed = true,
        Findings = problems,
        Scores = new VerificationScoresDto(),
        Policy = policy,
        ModelSet = modelSet,
        Attempt = 1,
        TimingsMs = timings,
        CompletedAt = completedAt,
    };
}

/// <summary>Who and what a verification is about; the ids travel with every result.</summary>
public sealed record VerificationSubject(Guid VerificationId, string CandidateId, string ExamId);

/// <summary>Why a stored verification is evaluated again.</summary>
public sealed record RerunInfo(Guid VerificationId, string Reason);
