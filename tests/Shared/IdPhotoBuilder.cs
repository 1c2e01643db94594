using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceVerify.Tests;

/// <summary>
/// Builds a registration-compliant ID photo in memory from a real frontal picture on a plain wall (the MEDS
/// mugshots): the wall is replaced by a flat colour (a flood fill from the border on colour similarity), and
/// a head-and-shoulders crop is cut around the detected face so the face is about half the width, centred,
/// then scaled to 295×413. Nothing is written to disk; the source picture is never copied.
/// </summary>
public sealed class IdPhotoBuilder(IFaceDetector detector)
{
    public const int Width = 295, Height = 413;
    /// <summary>Face box width / photo width: the middle of the 45–60% a passport-style photo asks for.</summary>
    public const float FaceWidthRatio = 0.52f;
    private const float MaxFaceWidthRatio = 0.55f;
    /// <summary>Face box centre, from the top, as a share of the photo height (eyes a little above the middle).</summary>
    private const float FaceCentreFromTop = 0.42f;

    /// <summary>The compliant photo as pixels (white background), 295×413.</summary>
    public Image<Rgb24> Build(string sourcePath) => Build(sourcePath, Color.White);

    /// <summary>The same head-and-shoulders photo on another background colour.</summary>
    public Image<Rgb24> Build(string sourcePath, Color background)
    {
        using var source = Image.Load<Rgb24>(sourcePath);
        source.Mutate(x => x.AutoOrient());
        var face = LargestFace(source);
        WallFill.Replace(source, face, background.ToPixel<Rgb24>());

        // Most mugshots end at the chest: a closer crop (face up to 60% of the width) instead of an empty strip below.
        var fitsBelow = (source.Height - face.CenterY) / (1 - FaceCentreFromTop) * Width / Height;
        var cropWidth = Math.Max(face.Width / MaxFaceWidthRatio, Math.Min(face.Width / FaceWidthRatio, fitsBelow));
        var cropHeight = cropWidth * Height / Width;
        var left = face.CenterX - cropWidth / 2;
        var top = face.CenterY - FaceCentreFromTop * cropHeight;
        var scale = Width / cropWidth;

        // Draw the scaled source onto a background-coloured canvas so a crop that runs past the source's
        // edge (common at the sides) is simply more background.
        var canvas = new Image<Rgb24>(Width, Height, background.ToPixel<Rgb24>());
        using var scaled = source.Clone(x => x.Resize((int)Math.Round(source.Width * scale), (int)Math.Round(source.Height * scale), KnownResamplers.Bicubic));
        canvas.Mutate(x => x.DrawImage(scaled, new Point((int)Math.Round(-left * scale), (int)Math.Round(-top * scale)), 1f));
        return canvas;
    }

    /// <summary>
    /// JPEG bytes, full chroma. Quality 100 by default: a white background compresses so well that at 95 some
    /// 295×413 photos fall under the 40 KB minimum, which a photo booth's file would not.
    /// </summary>
    public static byte[] Jpeg(Image<Rgb24> image, int quality = 100)
    {
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = quality, ColorType = JpegColorType.YCbCrRatio444 });
        return stream.ToArray();
    }

    private FaceBox LargestFace(Image<Rgb24> image)
    {
        var faces = detector.Detect(ToRgb(image));
        if (faces.Count == 0) throw new InvalidOperationException("the fixture source shows no face");
        return faces.MaxBy(f => f.Box.Area)!.Box;
    }

    public static RgbImage ToRgb(Image<Rgb24> image)
    {
        var pixels = new byte[image.Width * image.Height * 3];
        image.CopyPixelDataTo(pixels);
        return new RgbImage(image.Width, image.Height, pixels);
    }
}
