namespace FaceVerify.Core.Challenge;

/// <summary>Which reading of a frame's yaw judges a turn step (policy <c>Challenge:TurnReading</c>; calibrate-challenge compares them).</summary>
public enum TurnReading
{
    /// <summary>The pose model's yaw.</summary>
    Pose,
    /// <summary>The landmark reading (<see cref="LandmarkTurn"/>), in degrees.</summary>
    Landmarks,
    /// <summary>
    /// Whichever of the two reads the larger turn, unless they read turns of at least the policy's angle to opposite
    /// sides: then no turn (0), since one of them is wrong and the frame cannot say which way the head went.
    /// </summary>
    Either,
}

/// <summary>A frame's signed yaw (positive = the subject's own right) under a policy's <see cref="TurnReading"/>.</summary>
public static class TurnReadings
{
    public static double? Yaw(ChallengeFrame? frame, ChallengePolicy rules) => frame is null ? null : rules.TurnReading switch
    {
        TurnReading.Pose => frame.Pose.Yaw,
        TurnReading.Landmarks => LandmarkTurn.Yaw(frame.Landmarks68, rules.LandmarkYawPerRatio),
        _ => Either(frame.Pose.Yaw, LandmarkTurn.Yaw(frame.Landmarks68, rules.LandmarkYawPerRatio), rules.TurnYaw),
    };

    public static double Either(double pose, double? landmarks, double turn)
    {
        if (landmarks is not { } l) return pose;
        if (Math.Sign(pose) != Math.Sign(l) && Math.Abs(pose) >= turn && Math.Abs(l) >= turn) return 0;
        return Math.Abs(l) >= Math.Abs(pose) ? l : pose;
    }
}
