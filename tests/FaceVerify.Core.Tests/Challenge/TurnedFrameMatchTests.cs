using FaceVerify.Core.Challenge;
using FaceVerify.Core.Eyes;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Pose;
using Microsoft.Extensions.Configuration;

namespace FaceVerify.Core.Tests.Challenge;

/// <summary>
/// Challenge frames after frame 0 that read a strong turn are matched at the policy's turned threshold; every other frame,
/// and frame 0 always, at the match threshold. Similarities are given directly: the rule, not the embedding, is under test.
/// </summary>
public sealed class TurnedFrameMatchTests
{
    private static readonly TrainedOperatingPoints NoTrainedWeights = new(0.5, 0.5, 0.5, 0.5, 0.75);
    private static readonly PolicyOptions Policy = PolicyCatalog.BuiltIn.Default(NoTrainedWeights);
    private static readonly double Turned = Policy.Challenge.TurnedMatchThreshold!.Value;
    private static readonly double Between = (Turned + Policy.MatchThreshold) / 2;

    /// <summary>A live head whose pose and landmark readings both read <paramref name="yaw"/>.</summary>
    private static ChallengeFrame Head(double yaw) =>
        new(new HeadPose(yaw, 2, 1), new EyeState(0.95, 0.95), SyntheticHead.Reading(yaw, Policy.Challenge.LandmarkYawPerRatio));

    private static readonly ChallengeFrame Front = Head(3), Side = Head(-(Policy.Challenge.TurnedFrameYaw + 10));

    private static List<Finding> Judge(double?[] similarities, ChallengeFrame?[] frames, PolicyOptions? policy = null) =>
        ChallengeVerifier.MatchFindings(similarities, frames, policy ?? Policy).ToList();

    [Fact]
    public void The_built_in_policies_judge_turned_frames_below_their_match_threshold()
    {
        Assert.True(Turned < Policy.MatchThreshold);
        var strict = PolicyCatalog.BuiltIn.Strict(NoTrainedWeights);
        Assert.True(strict.Challenge.TurnedMatchThreshold < strict.MatchThreshold);
        Assert.True(strict.Challenge.TurnedMatchThreshold > Turned);  // a stricter false-accept rate
        Assert.True(FrameMatchThreshold.IsTurned(1, Side, Policy.Challenge));
        Assert.False(FrameMatchThreshold.IsTurned(1, Front, Policy.Challenge));
    }

    [Fact]
    public void A_similarity_between_the_thresholds_passes_on_a_turned_frame_and_fails_on_a_frontal_one()
    {
        Assert.Empty(Judge([0.9, Between], [Front, Side]));
        var finding = Assert.Single(Judge([0.9, Between], [Front, Front]));
        Assert.Equal(ReasonCodes.MatchBelowThreshold, finding.Code);
        Assert.Equal(Policy.MatchThreshold, finding.Threshold);
        Assert.Equal(Math.Round(Between, 4), finding.Value);
        Assert.False(finding.RetakeCanFix);
    }

    [Fact]
    public void Frame_0_is_never_judged_at_the_turned_threshold()
    {
        var finding = Assert.Single(Judge([Between, 0.9], [Side, Front]));
        Assert.Equal(Policy.MatchThreshold, finding.Threshold);
        Assert.Contains("0", finding.Message);
        Assert.Equal(Policy.MatchThreshold, FrameMatchThreshold.For(0, Side, Policy));
    }

    [Fact]
    public void A_turned_frame_below_the_turned_threshold_fails_and_the_finding_names_that_threshold()
    {
        var finding = Assert.Single(Judge([0.9, Turned - 0.05, 0.9], [Front, Side, Front]));
        Assert.Equal(Math.Round(Turned, 4), finding.Threshold);
        Assert.Equal(Math.Round(Turned - 0.05, 4), finding.Value);
    }

    [Fact]
    public void The_turn_is_read_by_the_policy_s_turned_frame_reading()
    {
        // The pose model reads a strong turn, the landmarks a frontal face (as on a flat picture the pose model misreads).
        var poseOnly = new ChallengeFrame(new HeadPose(70, 2, 1), new EyeState(0.95, 0.95), SyntheticHead.Reading(3, Policy.Challenge.LandmarkYawPerRatio));
        Assert.Single(Judge([0.9, Between], [Front, poseOnly]));
        var byPose = Policy with { Challenge = Policy.Challenge with { TurnedFrameReading = TurnReading.Pose } };
        Assert.Empty(Judge([0.9, Between], [Front, poseOnly], byPose));
    }

    [Fact]
    public void Without_a_turned_threshold_every_frame_is_judged_at_the_match_threshold()
    {
        var off = Policy with { Challenge = Policy.Challenge with { TurnedMatchThreshold = null } };
        Assert.Equal(Policy.MatchThreshold, Assert.Single(Judge([0.9, Between], [Front, Side], off)).Threshold);
        Assert.Empty(Judge([0.9, null], [Front, null]));  // a frame without a face is the step checker's finding
    }

    [Fact]
    public void The_turned_rule_binds_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaceVerify:Policies:default:Challenge:TurnedMatchThreshold"] = "0.38",
            ["FaceVerify:Policies:default:Challenge:TurnedFrameYaw"] = "45",
            ["FaceVerify:Policies:default:Challenge:TurnedFrameReading"] = "Pose",
        }).Build();
        Assert.True(new PolicyCatalog(configuration, NoTrainedWeights).TryGet("default", out var policy));
        Assert.Equal(0.38, policy.Challenge.TurnedMatchThreshold);
        Assert.Equal(45, policy.Challenge.TurnedFrameYaw);
        Assert.Equal(TurnReading.Pose, policy.Challenge.TurnedFrameReading);
        var off = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaceVerify:Policies:default:Challenge:TurnedMatchThreshold"] = "",  // docs/challenge.md: empty switches it off
        }).Build();
        Assert.True(new PolicyCatalog(off, NoTrainedWeights).TryGet("default", out var plain));
        Assert.Null(plain.Challenge.TurnedMatchThreshold);
    }
}
