using FaceVerify.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceVerify.Core.Reporting;

/// <summary>
/// Re-encodes decoded pixels for a page: upright as the pipeline saw them (so overlays match without EXIF
/// games in the browser), without the original's metadata (GPS, camera serials), and at most a set size.
/// </summary>
internal static class EmbeddedJpeg
{
    public static byte[] Encode(RgbImage pixels, int maxSide, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var image = Image.LoadPixelData<Rgb24>(pixels.Pixels, pixels.Width, pixels.Height);
        var longest = Math.Max(image.Width, image.Height);
        if (longest > maxSide)
        {
            var scale = (double)maxSide / longest;
            image.Mutate(x => x.Resize(Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale))));
        }
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 85 });
        return stream.ToArray();
    }
}
