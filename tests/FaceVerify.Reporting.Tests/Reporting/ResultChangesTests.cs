using FaceVerify.Core.Policy;
using FaceVerify.Core.Reporting;
using FaceVerify.Core.Verification;

namespace FaceVerify.Core.Tests.Reporting;

public sealed class ResultChangesTests
{
    [Fact]
    public void Findings_are_matched_by_code_and_only_real_changes_are_kept()
    {
        var earlier = ReportSamples.Refused();
        var turned = earlier.Findings[1];
        var now = earlier with
        {
            Findings =
            [
                turned with { Value = 40, Message = "the head is turned sideways (40.0°)" },
                earlier.Findings[2] with { Message = "reworded, same numbers" },
                new Finding(ReasonCodes.SnapshotSpoofSuspected, "spoof", 0.2, 0.5, Severity.Block),
            ],
        };

        var changes = ResultChanges.Between(earlier, now);

        Assert.True(changes.Any);
        Assert.Equal(
            [("match.below_threshold", "removed"), ("snapshot.head_turned", "changed"), ("snapshot.spoof_suspected", "added")],
            changes.Findings.Select(f => (f.Code, f.Kind)).Order());
        Assert.Equal(40, changes.Findings.Single(f => f.Kind == "changed").Now!.Value);
    }

    [Fact]
    public void Identical_outcomes_have_no_changes()
    {
        var result = ReportSamples.Refused();
        Assert.False(ResultChanges.Between(result, result with { TimingsMs = new Dictionary<string, double> { ["total"] = 1 } }).Any);
    }

    [Fact]
    public void A_new_policy_or_score_is_a_change()
    {
        var result = ReportSamples.Refused();
        Assert.True(ResultChanges.Between(result, result with { Policy = "strict@1" }).Any);
        Assert.True(ResultChanges.Between(result, result with { Scores = result.Scores with { Liveness = 0.2 } }).Any);
        Assert.True(ResultChanges.Between(result, result with { Verdict = Verdict.Pass }).Any);
    }
}
