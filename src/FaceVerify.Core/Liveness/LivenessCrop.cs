using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Liveness;

/// <summary>
/// Square crops around a face that never read outside the image. A face that fills the frame (a candidate close
/// to the webcam, a tight crop) has no 2.7× surroundings; sampling them anyway would make edge-repeated or black
/// fill part of the evidence. Instead the crop shrinks to what the image holds, and how much of the wanted
/// context was missing is measured (<see cref="MissingContext"/>) so the head can weigh the context features by it.
/// </summary>
public static class LivenessCrop
{
    /// <summary>The face box cut to the image: the detector's second look may return a box reaching past the edges.</summary>
    public static FaceBox ClipToImage(RgbImage image, FaceBox face)
    {
        float x0 = Math.Clamp(face.X, 0, image.Width - 1), y0 = Math.Clamp(face.Y, 0, image.Height - 1);
        float x1 = Math.Clamp(face.Right, x0 + 1, image.Width - 1), y1 = Math.Clamp(face.Bottom, y0 + 1, image.Height - 1);
        return FaceBox.FromCorners(x0, y0, x1, y1);
    }

    /// <summary>
    /// A square <paramref name="scale"/>× the face (squared on its height, after clipping to the image), shrunk as
    /// far as needed to fit and shifted inside: every pixel of it is a pixel of the picture.
    /// </summary>
    public static FaceBox Inside(RgbImage image, FaceBox face, float scale)
    {
        var box = ClipToImage(image, face);
        var side = Math.Min(box.Height * scale, Math.Min(image.Width - 1, image.Height - 1));
        side = Math.Max(side, 1);
        float x = Math.Clamp(box.CenterX - side / 2, 0, Math.Max(0, image.Width - 1 - side));
        float y = Math.Clamp(box.CenterY - side / 2, 0, Math.Max(0, image.Height - 1 - side));
        return new FaceBox(x, y, side, side);
    }

    /// <summary>
    /// Share (0..1) of the wanted square of <paramref name="scale"/>× the face (clipped to the image first, as every
    /// crop is), centred on it, that lies outside the image. How far the detector's box reaches past the edge does not move it.
    /// </summary>
    public static double MissingContext(RgbImage image, FaceBox face, float scale)
    {
        var box = ClipToImage(image, face);
        var wanted = box.Square(box.Height * scale);
        var w = Math.Max(0, Math.Min(wanted.Right, image.Width) - Math.Max(wanted.X, 0));
        var h = Math.Max(0, Math.Min(wanted.Bottom, image.Height) - Math.Max(wanted.Y, 0));
        return wanted.Area <= 0 ? 1 : Math.Clamp(1 - w * h / wanted.Area, 0, 1);
    }
}
