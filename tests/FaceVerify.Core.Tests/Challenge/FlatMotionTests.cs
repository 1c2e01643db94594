using FaceVerify.Core.Challenge;
using FaceVerify.Core.Faces;

namespace FaceVerify.Core.Tests.Challenge;

public sealed class FlatMotionTests
{
    private static readonly double Threshold = new ChallengePolicy().MinHeadMotionResidual;

    [Theory]
    [InlineData(LandmarkSet.All68)]
    [InlineData(LandmarkSet.WithoutJaw)]
    [InlineData(LandmarkSet.Rigid)]
    public void A_photograph_turned_in_front_of_the_camera_moves_as_one_homography(LandmarkSet set)
    {
        foreach (var (yaw, pitch) in new[] { (25.0, 0.0), (-40.0, 0.0), (0.0, 30.0), (20.0, -15.0) })
        {
            var residual = FlatMotion.Residuals([SyntheticHead.Project(0, flat: true), SyntheticHead.Project(yaw, flat: true, pitch)], set).Single();
            Assert.True(residual < 0.002, $"{set} yaw {yaw} pitch {pitch}: residual {residual}");
        }
    }

    [Theory]
    [InlineData(LandmarkSet.All68)]
    [InlineData(LandmarkSet.WithoutJaw)]
    [InlineData(LandmarkSet.Rigid)]
    public void A_head_turned_in_depth_leaves_a_residual_above_the_policy_threshold(LandmarkSet set)
    {
        foreach (var yaw in new[] { 30.0, -30.0, 45.0 })
        {
            var residual = FlatMotion.Residuals([SyntheticHead.Project(0), SyntheticHead.Project(yaw)], set).Single();
            Assert.True(residual > Threshold, $"{set} yaw {yaw}: residual {residual} not above {Threshold}");
        }
    }

    [Fact]
    public void A_frame_without_a_face_has_no_residual_and_frame_zero_is_the_reference()
    {
        var residuals = FlatMotion.Residuals([SyntheticHead.Project(0), null, SyntheticHead.Project(0)], LandmarkSet.WithoutJaw);
        Assert.Equal(2, residuals.Count);
        Assert.Null(residuals[0]);
        Assert.True(residuals[1] < 1e-6);
        Assert.All(FlatMotion.Residuals([null, SyntheticHead.Project(30)], LandmarkSet.All68), r => Assert.Null(r));
    }
}
