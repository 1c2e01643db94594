using FaceVerify.Core.Challenge;
using FaceVerify.Core.Eyes;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Pose;

namespace FaceVerify.Core.Tests.Challenge;

public sealed class ChallengeStepCheckerTests
{
    // The challenge limits do not depend on trained weights: any operating points stand in for them.
    private static readonly PolicyOptions Policy = PolicyCatalog.BuiltIn.Default(new TrainedOperatingPoints(0.5, 0.5, 0.5, 0.5, 0.75));
    private static readonly ChallengeStepChecker Checker = new();
    private static readonly double Turn = Policy.Challenge.TurnYaw;

    /// <summary>A live head: the pose reading and the landmark reading agree (positive yaw = the subject's own right).</summary>
    private static ChallengeFrame Head(double yaw, double eyesOpen = 0.95) =>
        new(new HeadPose(yaw, 2, 1), new EyeState(eyesOpen, eyesOpen), SyntheticHead.Reading(yaw, Policy.Challenge.LandmarkYawPerRatio));

    /// <summary>A photograph turned in front of the camera that still makes the pose model read a turn (its landmarks do not).</summary>
    private static ChallengeFrame Photo(double yaw) =>
        new(new HeadPose(yaw, 2, 1), new EyeState(0.95, 0.95), SyntheticHead.Project(yaw * 1.5, flat: true));

    private static readonly ChallengeFrame Front = Head(3), Left = Head(-Turn - 12), Right = Head(Turn + 12);

    [Fact]
    public void Turns_in_the_asked_directions_with_depth_pass()
    {
        var outcome = Checker.Check([ChallengeStep.TurnLeft, ChallengeStep.TurnRight], [Front, Left, Right], Policy);
        Assert.True(outcome.StepsFollowed);
        Assert.Empty(outcome.Findings);
        Assert.True(outcome.HeadMotion >= Policy.Challenge.MinHeadMotionResidual);
        Assert.Equal(Turn + 12, outcome.Steps[0].Value!.Value, 2);
    }

    [Fact]
    public void The_opposite_direction_is_not_followed_and_a_retake_may_fix_it()
    {
        var outcome = Checker.Check([ChallengeStep.TurnLeft], [Front, Right], Policy);
        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(ReasonCodes.ChallengeNotFollowed, finding.Code);
        Assert.True(finding.RetakeCanFix);
        Assert.Equal(Turn, finding.Threshold);
        Assert.False(outcome.Steps[0].Followed);
    }

    [Fact]
    public void Every_other_order_of_the_same_frames_fails_the_steps()
    {
        ChallengeFrame[] frames = [Front, Left, Right];
        int[][] shuffles = [[0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        foreach (var order in shuffles)
        {
            var outcome = Checker.Check([ChallengeStep.TurnLeft, ChallengeStep.TurnRight], order.Select(i => frames[i]).ToList(), Policy);
            Assert.False(outcome.StepsFollowed, $"order {string.Join(",", order)} passed");
            Assert.Contains(outcome.Findings, f => f.Code == ReasonCodes.ChallengeNotFollowed);
        }
    }

    [Fact]
    public void A_turn_must_come_back_in_the_next_frame_or_differ_from_the_previous_one()
    {
        Assert.True(Checker.Check([ChallengeStep.TurnLeft], [Front, Left, Front], Policy).StepsFollowed);
        Assert.False(Checker.Check([ChallengeStep.TurnLeft], [Front, Left, Left], Policy).StepsFollowed);   // never came back
        Assert.False(Checker.Check([ChallengeStep.TurnLeft], [Left, Left], Policy).StepsFollowed);          // turned from the start
        Assert.False(Checker.Check([ChallengeStep.TurnLeft], [Front, Head(-Turn + 1)], Policy).StepsFollowed); // not far enough
    }

    [Fact]
    public void A_blink_is_closed_eyes_then_open_ones()
    {
        var closed = Head(2, eyesOpen: 0.1);
        Assert.True(Checker.Check([ChallengeStep.Blink, ChallengeStep.TurnLeft], [Front, closed, Left], Policy).StepsFollowed);
        Assert.False(Checker.Check([ChallengeStep.Blink, ChallengeStep.TurnLeft], [Front, Front, Left], Policy).StepsFollowed);
        // Last step: the previous frame must show the eyes open.
        Assert.True(Checker.Check([ChallengeStep.TurnRight, ChallengeStep.Blink], [Front, Right, closed], Policy).StepsFollowed);
        Assert.False(Checker.Check([ChallengeStep.TurnRight, ChallengeStep.Blink], [Front, Right, closed, closed], Policy).StepsFollowed);
    }

    [Fact]
    public void A_photograph_that_fakes_the_turns_for_the_pose_model_is_not_a_turn_of_its_landmarks_and_is_flat_motion()
    {
        ChallengeFrame[] photo = [Photo(3), Photo(-Turn - 12), Photo(Turn + 12)];
        var outcome = Checker.Check([ChallengeStep.TurnLeft, ChallengeStep.TurnRight], photo, Policy);
        Assert.Equal(TurnReading.Landmarks, Policy.Challenge.TurnReading);
        Assert.False(outcome.StepsFollowed);
        Assert.All(outcome.Steps, s => Assert.True(Math.Abs(s.Value!.Value) < Turn - Policy.Challenge.ReturnYaw, $"step {s.Step} reads {s.Value}"));
        Assert.Contains(outcome.Findings, f => f.Code == ReasonCodes.ChallengeNotFollowed);
        Assert.Contains(outcome.Findings, f => f.Code == ReasonCodes.ChallengeFlatMotion && !f.RetakeCanFix);
    }

    [Fact]
    public void Judged_by_the_pose_model_alone_the_same_photograph_follows_the_steps_and_only_flat_motion_stops_it()
    {
        var pose = Policy with { Challenge = Policy.Challenge with { TurnReading = TurnReading.Pose } };
        var outcome = Checker.Check([ChallengeStep.TurnLeft, ChallengeStep.TurnRight], [Photo(3), Photo(-Turn - 12), Photo(Turn + 12)], pose);
        Assert.True(outcome.StepsFollowed);
        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(ReasonCodes.ChallengeFlatMotion, finding.Code);
        Assert.False(finding.RetakeCanFix);
        Assert.True(outcome.FlatMotion);
        Assert.True(finding.Value < 0.005);
    }

    [Fact]
    public void A_challenge_without_a_turn_measures_no_motion()
    {
        var outcome = Checker.Check([ChallengeStep.Blink], [Photo(2), Photo(2) with { Eyes = new EyeState(0.05, 0.1) }], Policy);
        Assert.True(outcome.StepsFollowed);
        Assert.Null(outcome.HeadMotion);
        Assert.Empty(outcome.Findings);
    }

    [Fact]
    public void Wrong_frame_counts_and_missing_faces_get_reason_codes()
    {
        var few = Checker.Check([ChallengeStep.TurnLeft, ChallengeStep.TurnRight], [Front, Left], Policy);
        Assert.Equal(ReasonCodes.ChallengeFramesMismatch, Assert.Single(few.Findings).Code);
        var many = Checker.Check([ChallengeStep.TurnLeft], [Front, Left, Front, Front], Policy);
        Assert.Equal(ReasonCodes.ChallengeFramesMismatch, Assert.Single(many.Findings).Code);
        Assert.Equal(ReasonCodes.ChallengeFramesMismatch, Assert.Single(Checker.Check([], [Front], Policy).Findings).Code);

        var missing = Checker.Check([ChallengeStep.TurnLeft, ChallengeStep.TurnRight], [Front, null, Right], Policy);
        var finding = Assert.Single(missing.Findings);
        Assert.Equal(ReasonCodes.ChallengeNotFollowed, finding.Code);
        Assert.Contains("no face in frame 1", finding.Message);
    }
}
