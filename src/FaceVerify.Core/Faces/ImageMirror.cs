using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Faces;

/// <summary>Left-right mirror of an image (an aligned crop stays aligned: the template is symmetric up to which eye is which).</summary>
public static class ImageMirror
{
    public static RgbImage Flip(RgbImage image)
    {
        var output = new byte[image.Pixels.Length];
        var w = image.Width;
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < w; x++)
                Array.Copy(image.Pixels, (y * w + x) * 3, output, (y * w + (w - 1 - x)) * 3, 3);
        return new RgbImage(w, image.Height, output);
    }
}
