using FaceVerify.Core.Challenge;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.Configuration;

namespace FaceVerify.Core.Tests.Challenge;

public sealed class ChallengeResultsTests
{
    private static VerificationResult Passed() => new()
    {
        Verdict = Verdict.Pass, RetakeAllowed = false, Findings = [], Scores = new VerificationScores { Similarity = 0.7 },
        Policy = "default@3", ModelSet = "test", TimingsMs = new Dictionary<string, double>(), IdPhotoSha256 = "a", SnapshotSha256 = "b",
    };

    private static ChallengeOutcome Outcome(params Finding[] findings) =>
        new([new StepReading(1, ChallengeStep.TurnLeft, 31.5, -2, true)], [0.12], 0.12, findings) { Similarities = [0.8, 0.6] };

    [Fact]
    public void A_followed_challenge_keeps_the_pass_and_adds_its_readings()
    {
        var merged = ChallengeResults.Merge(Passed(), Outcome());
        Assert.Equal(Verdict.Pass, merged.Verdict);
        Assert.Equal(31.5, merged.Scores.Measurements["challenge.step1.turn_left"]);
        Assert.Equal(0.12, merged.Scores.Measurements["challenge.headMotion"]);
        Assert.Equal(0.6, merged.Scores.Measurements["challenge.frame1.similarity"]);
    }

    [Fact]
    public void Not_followed_fails_with_a_retake_and_flat_motion_fails_without_one()
    {
        var notFollowed = new Finding(ReasonCodes.ChallengeNotFollowed, "x", 3, 15, Severity.Block) { RetakeCanFix = true };
        var flat = new Finding(ReasonCodes.ChallengeFlatMotion, "x", 0.01, 0.04, Severity.Block);
        var retake = ChallengeResults.Merge(Passed(), Outcome(notFollowed));
        Assert.Equal(Verdict.Fail, retake.Verdict);
        Assert.True(retake.RetakeAllowed);
        var refused = ChallengeResults.Merge(Passed(), Outcome(notFollowed, flat));
        Assert.Equal(Verdict.Fail, refused.Verdict);
        Assert.False(refused.RetakeAllowed);
    }

    [Fact]
    public void Challenge_thresholds_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaceVerify:Policies:default:Challenge:TurnYaw"] = "21",
            ["FaceVerify:Policies:default:Challenge:AllowedSteps"] = "turn_left,turn_right",
            ["FaceVerify:Policies:default:Challenge:MotionLandmarks"] = "Rigid",
        }).Build();
        Assert.True(new PolicyCatalog(configuration, NoTrainedWeights).TryGet("default", out var policy));
        Assert.Equal(21, policy.Challenge.TurnYaw);
        Assert.Equal([ChallengeStep.TurnLeft, ChallengeStep.TurnRight], policy.Challenge.Steps());
        Assert.Equal(LandmarkSet.Rigid, policy.Challenge.MotionLandmarks);
        Assert.True(new PolicyCatalog(new ConfigurationBuilder().Build(), NoTrainedWeights).TryGet("strict", out var strict));
        // Strict keeps the default's challenge thresholds except the turned frames' match threshold (its own, stricter FAR).
        Assert.Equal(PolicyCatalog.BuiltIn.Default(NoTrainedWeights).Challenge with { TurnedMatchThreshold = strict.Challenge.TurnedMatchThreshold }, strict.Challenge);
    }

    // The challenge limits do not depend on trained weights; these stand in for the files the models folder holds.
    private static readonly TrainedOperatingPoints NoTrainedWeights = new(0.5, 0.5, 0.5, 0.5, 0.75);
}
