using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceVerify.Cli.Evaluation;

/// <summary>Cuts a 295×413 ID photo and a 640×480 snapshot around the largest face of one source picture.</summary>
internal static class BenchPictures
{
    public static (byte[] IdPhoto, byte[] Snapshot) Make(byte[] source, IImageDecoder decoder, IFaceDetector detector)
    {
        var decoded = decoder.Decode(source, CancellationToken.None).Image ?? throw new InvalidDataException("the bench picture cannot be decoded");
        var face = detector.Detect(decoded.Image).MaxBy(f => f.Box.Area) ?? throw new InvalidDataException("the bench picture shows no face");
        using var image = Image.LoadPixelData<Rgb24>(decoded.Image.Pixels, decoded.Width, decoded.Height);
        return (Cut(image, face.Box, 295, 413, faceShare: 0.5f), Cut(image, face.Box, 640, 480, faceShare: 0.3f));
    }

    private static byte[] Cut(Image<Rgb24> image, FaceBox face, int width, int height, float faceShare)
    {
        var scale = face.Width / faceShare / width;
        var w = (int)(width * scale);
        var h = (int)(height * scale);
        var x = (int)Math.Clamp(face.CenterX - w / 2f, 0, Math.Max(0, image.Width - w));
        var y = (int)Math.Clamp(face.CenterY - h * 0.45f, 0, Math.Max(0, image.Height - h));
        var rect = Rectangle.Intersect(new Rectangle(x, y, w, h), new Rectangle(0, 0, image.Width, image.Height));
        using var cut = image.Clone(c => c.Crop(rect).Resize(width, height));
        using var stream = new MemoryStream();
        cut.SaveAsJpeg(stream, new JpegEncoder { Quality = 92 });
        return stream.ToArray();
    }
}
