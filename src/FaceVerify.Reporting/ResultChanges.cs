using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;

namespace FaceVerify.Core.Reporting;

/// <summary>One reason code whose finding appeared, disappeared or changed between two results.</summary>
public sealed record FindingChange(string Code, Finding? Earlier, Finding? Now)
{
    public string Kind => Earlier is null ? "added" : Now is null ? "removed" : "changed";
}

/// <summary>What a re-run changed: verdict, scores, policy, models and findings (matched by reason code).</summary>
public sealed record ResultChanges(
    Verdict EarlierVerdict, Verdict Verdict,
    double? EarlierSimilarity, double? Similarity,
    double? EarlierLiveness, double? Liveness,
    string EarlierPolicy, string Policy,
    string EarlierModelSet, string ModelSet,
    IReadOnlyList<FindingChange> Findings)
{
    public bool Any =>
        EarlierVerdict != Verdict || EarlierSimilarity != Similarity || EarlierLiveness != Liveness
        || EarlierPolicy != Policy || EarlierModelSet != ModelSet || Findings.Count > 0;

    public static ResultChanges Between(VerificationResult earlier, VerificationResult now)
    {
        var before = ByCode(earlier.Findings);
        var after = ByCode(now.Findings);
        var findings = before.Keys.Union(after.Keys)
            .Select(code => new FindingChange(code, before.GetValueOrDefault(code), after.GetValueOrDefault(code)))
            .Where(c => c.Earlier is null || c.Now is null || !SameOutcome(c.Earlier, c.Now))
            .ToList();
        return new ResultChanges(
            earlier.Verdict, now.Verdict,
            earlier.Scores.Similarity, now.Scores.Similarity,
            earlier.Scores.Liveness, now.Scores.Liveness,
            earlier.Policy, now.Policy,
            earlier.ModelSet, now.ModelSet,
            findings);
    }

    // The English message may carry the same numbers in other words; value, limit and severity are what count.
    private static bool SameOutcome(Finding a, Finding b) =>
        a.Value == b.Value && a.Threshold == b.Threshold && a.Severity == b.Severity;

    private static Dictionary<string, Finding> ByCode(IEnumerable<Finding> findings) =>
        findings.GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.First());
}
