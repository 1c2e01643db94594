namespace FaceVerify.Core.Faces;

/// <summary>
/// The line through the outer eye corners of the 68 landmarks (36 on the image left, 45 on the image right): the frame the
/// landmark pose readings measure in (the turn along it, the pitch across it, the roll as its angle).
/// </summary>
internal readonly record struct EyeLine(double Ux, double Uy, double Length, double MidX, double MidY)
{
    public const int NoseTip = 30, RightEyeOuter = 36, LeftEyeOuter = 45, MouthRight = 48, MouthLeft = 54;

    /// <summary>Null without 68 points or when the eye corners coincide.</summary>
    public static EyeLine? Of(IReadOnlyList<Point2>? landmarks)
    {
        if (landmarks is null || landmarks.Count < 68) return null;
        Point2 a = landmarks[RightEyeOuter], b = landmarks[LeftEyeOuter];
        double ux = b.X - a.X, uy = b.Y - a.Y, length = Math.Sqrt(ux * ux + uy * uy);
        if (!(length > 1e-3)) return null;
        return new EyeLine(ux, uy, length, (a.X + b.X) / 2.0, (a.Y + b.Y) / 2.0);
    }
}
