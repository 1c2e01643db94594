using FaceVerify.Core.Policy;

namespace FaceVerify.Core.Verification;

/// <summary>The one rule from findings to a verdict: any blocking finding fails; a retake is allowed when every blocking
/// finding is one a new snapshot can fix.</summary>
internal static class VerdictRule
{
    public static (Verdict Verdict, bool RetakeAllowed) Of(IReadOnlyList<Finding> findings)
    {
        var blocking = findings.Where(f => f.Severity == Severity.Block).ToList();
        var verdict = blocking.Count == 0 ? Verdict.Pass : Verdict.Fail;
        return (verdict, verdict == Verdict.Fail && blocking.TrueForAll(f => f.RetakeCanFix));
    }
}
