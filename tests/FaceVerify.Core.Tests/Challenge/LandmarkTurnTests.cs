using FaceVerify.Core.Challenge;
using FaceVerify.Core.Faces;

namespace FaceVerify.Core.Tests.Challenge;

/// <summary>
/// The landmark turn reading on constructed landmarks (the schematic head of <see cref="SyntheticHead"/>, in 3-D or pressed
/// flat like a photograph), not on pictures: a real turn moves it with the angle and its side, a flat picture turned or
/// tilted in front of the camera and an in-plane roll do not.
/// </summary>
public sealed class LandmarkTurnTests
{
    private static readonly ChallengePolicy Rules = new();

    private static double Read(Point2[] landmarks) => LandmarkTurn.Yaw(landmarks, Rules.LandmarkYawPerRatio)!.Value;

    [Fact]
    public void A_frontal_head_reads_no_turn_and_a_turn_reads_its_side_growing_with_the_angle()
    {
        Assert.True(Math.Abs(Read(SyntheticHead.Project(0))) < 0.5);
        var previous = 0.0;
        foreach (var angle in new[] { 10.0, 20, 30, 40, 55 })
        {
            // A negative angle of the schematic head moves the nose towards the image left: the subject's own right, positive yaw.
            double right = Read(SyntheticHead.Project(-angle)), left = Read(SyntheticHead.Project(angle));
            Assert.True(right > previous, $"{angle}°: {right} not above {previous}");
            Assert.Equal(-right, left, 3);
            previous = right;
        }
        Assert.True(Read(SyntheticHead.Project(-40)) >= Rules.TurnYaw, "a 40° head turn reads below the policy's turn");
    }

    [Fact]
    public void A_flat_picture_turned_or_tilted_in_front_of_the_camera_hardly_changes_the_reading()
    {
        foreach (var (yaw, pitch) in new[] { (15.0, 0.0), (-40.0, 0.0), (40.0, 0.0), (0.0, 30.0), (25.0, -20.0) })
        {
            var read = Read(SyntheticHead.Project(yaw, flat: true, pitch));
            Assert.True(Math.Abs(read) < 5, $"picture turned {yaw}°, tilted {pitch}°: reads {read}");
            Assert.True(Math.Abs(read) < Rules.TurnYaw - Rules.ReturnYaw);
        }
        // The same angles as a head in 3-D do read a turn.
        Assert.True(Math.Abs(Read(SyntheticHead.Project(40))) >= Rules.TurnYaw);
    }

    [Fact]
    public void An_in_plane_roll_of_the_head_or_the_picture_does_not_change_the_reading()
    {
        foreach (var roll in new[] { -25.0, 10, 30 })
            foreach (var yaw in new[] { 0.0, -35 })
            {
                var upright = SyntheticHead.Project(yaw);
                Assert.Equal(Read(upright), Read(Rotate(upright, roll)), 3);
            }
    }

    [Fact]
    public void Missing_or_degenerate_landmarks_give_no_reading()
    {
        Assert.Null(LandmarkTurn.Ratio(null));
        Assert.Null(LandmarkTurn.Ratio(SyntheticHead.Project(0).Take(30).ToArray()));
        var collapsed = SyntheticHead.Project(0);
        collapsed[45] = collapsed[36];
        Assert.Null(LandmarkTurn.Ratio(collapsed));
    }

    [Fact]
    public void Either_takes_the_larger_reading_unless_the_two_read_turns_to_opposite_sides()
    {
        const double turn = 25;
        Assert.Equal(40, TurnReadings.Either(10, 40, turn));     // the pose model under-reads: the landmarks carry the turn
        Assert.Equal(-60, TurnReadings.Either(-60, -12, turn));  // the landmarks under-read: the pose model carries it
        Assert.Equal(45, TurnReadings.Either(-20, 45, turn));    // a small contrary reading does not veto
        Assert.Equal(0, TurnReadings.Either(-36, 40, turn));     // both read a turn, to opposite sides: no turn
        Assert.Equal(-30, TurnReadings.Either(-30, null, turn)); // no landmarks: the pose model
    }

    private static Point2[] Rotate(Point2[] points, double degrees)
    {
        double a = degrees * Math.PI / 180, c = Math.Cos(a), s = Math.Sin(a);
        return points.Select(p => new Point2((float)(320 + c * (p.X - 320) - s * (p.Y - 240)), (float)(240 + s * (p.X - 320) + c * (p.Y - 240)))).ToArray();
    }
}
