using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;

namespace FaceVerify.Core.Reporting;

/// <summary>What one page shows, whichever result it came from (verification or ID-photo check).</summary>
internal sealed record ReportPage
{
    public required string TitleKey { get; init; }
    public required bool Passed { get; init; }
    /// <summary>Label key of the verdict (<c>verdict.pass</c>, <c>verdict.rejected</c>, …).</summary>
    public required string VerdictKey { get; init; }
    public string? RetakeKey { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public VerificationScores? Scores { get; init; }
    public required string Policy { get; init; }
    public required string ModelSet { get; init; }
    public required IReadOnlyList<ReportPicture> Pictures { get; init; }
    public required IReadOnlyList<(ReportRole Role, string Sha256)> Files { get; init; }
    public required IReadOnlyDictionary<string, double> Measurements { get; init; }
    public ResultChanges? Changes { get; init; }
    public IReadOnlyList<ReportFrame> ChallengeFrames { get; init; } = [];
}
