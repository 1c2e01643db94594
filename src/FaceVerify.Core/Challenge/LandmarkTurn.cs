using FaceVerify.Core.Faces;

namespace FaceVerify.Core.Challenge;

/// <summary>
/// A head turn read from the 68 landmarks alone: how far the nose tip (30) lies beside the midpoint of the outer eye
/// corners (36, 45), along the eye line, per eye-corner distance. The nose tip stands out of the face, so turning the head
/// by θ moves it sideways against the eyes by about (nose depth / eye distance)·tan θ. A flat picture turned or tilted
/// in front of the camera keeps its points' ratios along a line (to within perspective), so this reading stays where the
/// picture's own head is; measured along the eye line, an in-plane roll (a tilted head or a rotated print) does not
/// change it either. Positive = a turn to the subject's own right (nose towards the image left in an unmirrored frame),
/// the sign of the pose model's yaw.
/// </summary>
public static class LandmarkTurn
{
    /// <summary>The signed offset ratio; null without 68 points or when the eye corners coincide.</summary>
    public static double? Ratio(IReadOnlyList<Point2>? landmarks)
    {
        if (EyeLine.Of(landmarks) is not { } e) return null;
        var nose = landmarks![EyeLine.NoseTip];
        // 36 is the eye corner on the image left: a nose towards the image left (negative along 36→45) is a turn to the subject's right.
        return -((nose.X - e.MidX) * e.Ux + (nose.Y - e.MidY) * e.Uy) / (e.Length * e.Length);
    }

    /// <summary>The ratio in degrees of yaw: <paramref name="degreesPerRatio"/> is calibrated on 3-D turns (calibrate-challenge).</summary>
    public static double? Yaw(IReadOnlyList<Point2>? landmarks, double degreesPerRatio) => Ratio(landmarks) * degreesPerRatio;
}
