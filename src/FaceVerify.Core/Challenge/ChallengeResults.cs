using System.Globalization;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;

namespace FaceVerify.Core.Challenge;

/// <summary>Adds a challenge's findings and readings to a verification result, with the verdict rule unchanged: pass only without blocking findings.</summary>
public static class ChallengeResults
{
    public static VerificationResult Merge(VerificationResult result, ChallengeOutcome outcome)
    {
        var findings = result.Findings.Concat(outcome.Findings).ToList();
        var (verdict, retakeAllowed) = VerdictRule.Of(findings);
        var measurements = new Dictionary<string, double>(result.Scores.Measurements);
        foreach (var s in outcome.Steps)
        {
            if (s.Value is { } v) measurements[Key($"challenge.step{s.Step}.{ChallengeSteps.Name(s.Kind)}")] = Math.Round(v, 4);
            if (s.Neighbour is { } n) measurements[Key($"challenge.step{s.Step}.neighbour")] = Math.Round(n, 4);
        }
        for (var i = 0; i < outcome.FrameResiduals.Count; i++)
            if (outcome.FrameResiduals[i] is { } r) measurements[Key($"challenge.frame{i + 1}.planarResidual")] = Math.Round(r, 4);
        for (var i = 0; i < outcome.Similarities.Count; i++)
            if (outcome.Similarities[i] is { } s) measurements[Key($"challenge.frame{i}.similarity")] = s;
        if (outcome.HeadMotion is { } m) measurements["challenge.headMotion"] = Math.Round(m, 4);
        return result with
        {
            Verdict = verdict,
            RetakeAllowed = retakeAllowed,
            Findings = findings,
            Scores = result.Scores with { Measurements = measurements },
        };
    }

    private static string Key(FormattableString key) => key.ToString(CultureInfo.InvariantCulture);
}
