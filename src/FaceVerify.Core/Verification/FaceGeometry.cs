using FaceVerify.Core.Analysis;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Pose;

namespace FaceVerify.Core.Verification;

/// <summary>A box in image pixels, rounded to 0.1 px (the JSON shape; <see cref="FaceBox"/> carries derived members).</summary>
public sealed record PixelBox(double X, double Y, double Width, double Height)
{
    public static PixelBox Of(FaceBox b) => new(R(b.X), R(b.Y), R(b.Width), R(b.Height));
    internal static double R(double v) => Math.Round(v, 1);
}

/// <summary>A point in image pixels, rounded to 0.1 px.</summary>
public sealed record PixelPoint(double X, double Y)
{
    public static PixelPoint Of(Point2 p) => new(PixelBox.R(p.X), PixelBox.R(p.Y));
}

/// <summary>
/// Where one detected face is. Landmarks, pose and liveness crop exist only for the faces that were
/// analysed (the largest one in a verification); the box exists for every detection.
/// </summary>
/// <param name="Index">Position in the image's detections, largest face first; index 0 is the face the rules read.</param>
public sealed record FaceGeometry(int Index, PixelBox Box, double Score)
{
    /// <summary>Eye centres (image-left first), nose tip, mouth corners.</summary>
    public IReadOnlyList<PixelPoint>? Landmarks5 { get; init; }
    public HeadPose? Pose { get; init; }
    public PixelBox? LivenessCrop { get; init; }
}

/// <summary>Size of the upright (EXIF-applied) image and every face in it: what a report draws.</summary>
public sealed record ImageGeometry(int Width, int Height, IReadOnlyList<FaceGeometry> Faces)
{
    public static ImageGeometry From(ImageReading reading)
    {
        var analysed = new[] { reading.Primary }.Concat(reading.Others).OfType<FaceReading>().ToList();
        var faces = reading.Detections.Select((d, i) =>
        {
            var geometry = new FaceGeometry(i, PixelBox.Of(d.Box), Math.Round(d.Score, 4));
            if (analysed.Find(f => f.Detection == d) is not { } face) return geometry;
            return geometry with
            {
                Landmarks5 = face.Landmarks5.Select(PixelPoint.Of).ToList(),
                Pose = new HeadPose(Math.Round(face.Pose.Yaw, 1), Math.Round(face.Pose.Pitch, 1), Math.Round(face.Pose.Roll, 1)),
                LivenessCrop = face.Liveness is { } l ? PixelBox.Of(l.Crop) : null,
            };
        }).ToList();
        return new ImageGeometry(reading.Image.Width, reading.Image.Height, faces);
    }
}

/// <summary>Face geometry of both images of a verification; null for an image that could not be read.</summary>
public sealed record VerificationFaces(ImageGeometry? IdPhoto, ImageGeometry? Snapshot);
