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
    private const int NoseTip = 30, RightEyeOuter = 36, LeftEyeOuter = 45, MouthRight = 48, MouthLeft = 54;

    /// <summary>
    /// The nose tip's distance below the outer eye corners' midpoint, perpendicular to the eye line, per the mouth
    /// centre's distance along the same direction; null without 68 points or for a degenerate face.
    /// </summary>
    public static double? PitchRatio(IReadOnlyList<Point2>? landmarks)
    {
        if (landmarks is null || landmarks.Count < 68) return null;
        Point2 a = landmarks[RightEyeOuter], b = landmarks[LeftEyeOuter], nose = landmarks[NoseTip];
        double ux = b.X - a.X, uy = b.Y - a.Y, length = Math.Sqrt(ux * ux + uy * uy);
        if (!(length > 1e-3)) return null;
        // (−uy, ux)/length points from the eyes towards the mouth in image coordinates (y down).
        double vx = -uy / length, vy = ux / length, mx = (a.X + b.X) / 2.0, my = (a.Y + b.Y) / 2.0;
        double mouthX = (landmarks[MouthRight].X + landmarks[MouthLeft].X) / 2.0, mouthY = (landmarks[MouthRight].Y + landmarks[MouthLeft].Y) / 2.0;
        var mouth = (mouthX - mx) * vx + (mouthY - my) * vy;
        if (!(mouth > 1e-3)) return null;
        return ((nose.X - mx) * vx + (nose.Y - my) * vy) / mouth;
    }

    /// <summary>The eye line's angle in degrees (outer corner to outer corner); positive = the image-right eye lower, the pose network's roll sign.</summary>
    public static double? Roll(IReadOnlyList<Point2>? landmarks)
    {
        if (landmarks is null || landmarks.Count < 68) return null;
        Point2 a = landmarks[RightEyeOuter], b = landmarks[LeftEyeOuter];
        if (!(Math.Abs(b.X - a.X) + Math.Abs(b.Y - a.Y) > 1e-3)) return null;
        return Math.Atan2(b.Y - a.Y, b.X - a.X) * 180 / Math.PI;
    }

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
