namespace FaceVerify.Core.Faces;

/// <summary>Key points in image pixels; "left" and "right" are as seen in the picture.</summary>
public sealed record FaceKeypoints(Point2 LeftEye, Point2 RightEye, Point2 NoseTip, Point2 MouthCentre)
{
    // The 112×112 template's mouth is 0.828 of its eye distance wide; a single mouth point gets corners that far apart.
    private const float HalfMouthPerEyeDistance = 0.414f;

    /// <summary>The five points <see cref="SimilarityAligner"/> takes, the mouth corners placed parallel to the eyes.</summary>
    public Point2[] AlignmentPoints()
    {
        float dx = RightEye.X - LeftEye.X, dy = RightEye.Y - LeftEye.Y;
        return
        [
            LeftEye, RightEye, NoseTip,
            new(MouthCentre.X - HalfMouthPerEyeDistance * dx, MouthCentre.Y - HalfMouthPerEyeDistance * dy),
            new(MouthCentre.X + HalfMouthPerEyeDistance * dx, MouthCentre.Y + HalfMouthPerEyeDistance * dy),
        ];
    }

    public float EyeDistance => MathF.Sqrt((RightEye.X - LeftEye.X) * (RightEye.X - LeftEye.X) + (RightEye.Y - LeftEye.Y) * (RightEye.Y - LeftEye.Y));
}
