using FaceVerify.Core.Challenge;
using FaceVerify.Core.Faces;

namespace FaceVerify.Core.Pose;

/// <summary>
/// Head pose read from the 68 landmarks the pipeline places anyway: yaw from the nose tip beside the outer eye corners
/// (<see cref="LandmarkTurn"/>), roll from the eye line's angle, and pitch from how far down between the eye line and the
/// mouth the nose tip lies (it stands out of the face, so a head tilted up lifts it towards the eyes). Good enough to tell
/// a clearly frontal head, not to measure a large turn: outside the frontal box the pose network reads the face.
/// </summary>
public static class LandmarkPose
{
    /// <summary>
    /// The nose tip's distance below the outer eye corners' midpoint, perpendicular to the eye line, per the mouth
    /// centre's distance along the same direction; null without 68 points or for a degenerate face.
    /// </summary>
    public static double? PitchRatio(IReadOnlyList<Point2>? landmarks)
    {
        if (EyeLine.Of(landmarks) is not { } e) return null;
        Point2 nose = landmarks![EyeLine.NoseTip], right = landmarks[EyeLine.MouthRight], left = landmarks[EyeLine.MouthLeft];
        // (−uy, ux)/length points from the eyes towards the mouth in image coordinates (y down).
        double vx = -e.Uy / e.Length, vy = e.Ux / e.Length;
        double mouthX = (right.X + left.X) / 2.0, mouthY = (right.Y + left.Y) / 2.0;
        var mouth = (mouthX - e.MidX) * vx + (mouthY - e.MidY) * vy;
        if (!(mouth > 1e-3)) return null;
        return ((nose.X - e.MidX) * vx + (nose.Y - e.MidY) * vy) / mouth;
    }

    /// <summary>The eye line's angle in degrees (outer corner to outer corner); positive = the image-right eye lower, the pose network's roll sign.</summary>
    public static double? Roll(IReadOnlyList<Point2>? landmarks) =>
        EyeLine.Of(landmarks) is { } e ? Math.Atan2(e.Uy, e.Ux) * 180 / Math.PI : null;

    /// <summary>The three readings in degrees with the calibration of <paramref name="options"/>; null when a reading is impossible.</summary>
    public static HeadPose? Estimate(IReadOnlyList<Point2>? landmarks, PoseOptions options)
    {
        if (LandmarkTurn.Ratio(landmarks) is not { } yaw || PitchRatio(landmarks) is not { } pitch || Roll(landmarks) is not { } roll) return null;
        return FromReadings(yaw, pitch, roll, options);
    }

    /// <summary>Raw readings (<see cref="LandmarkTurn.Ratio"/>, <see cref="PitchRatio"/>, <see cref="Roll"/>) in degrees.</summary>
    public static HeadPose FromReadings(double yawRatio, double pitchRatio, double roll, PoseOptions options) =>
        new(yawRatio * options.YawPerRatio, (pitchRatio - options.FrontalPitchRatio) * options.PitchPerRatio, roll);

    /// <summary>Whether a landmark estimate lies inside the options' frontal box.</summary>
    public static bool IsClearlyFrontal(HeadPose estimate, PoseOptions options) =>
        Math.Abs(estimate.Yaw) <= options.FrontalMaxYaw && Math.Abs(estimate.Pitch) <= options.FrontalMaxPitch
        && Math.Abs(estimate.Roll) <= options.FrontalMaxRoll;

    /// <summary>The landmark estimate when the cascade is on and the head is clearly frontal; else null (run the pose network).</summary>
    public static HeadPose? FrontalOrNull(IReadOnlyList<Point2>? landmarks, PoseOptions options) =>
        options.SkipModelWhenFrontal && Estimate(landmarks, options) is { } e && IsClearlyFrontal(e, options) ? e : null;
}
