namespace FaceVerify.Core.Imaging;

/// <summary>
/// Decoded pixels, packed RGB, 8 bits a channel, row-major. One contiguous buffer so every model's
/// crop is a tight loop over memory instead of a chain of image mutations.
/// </summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != width * height * 3) throw new ArgumentException("pixel buffer does not match the size", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    /// <summary>R, G, B for each pixel, rows top to bottom.</summary>
    public byte[] Pixels { get; }

    /// <summary>ITU-R BT.601 luma of one pixel, 0..255.</summary>
    public float Luma(int x, int y)
    {
        var i = (y * Width + x) * 3;
        return 0.299f * Pixels[i] + 0.587f * Pixels[i + 1] + 0.114f * Pixels[i + 2];
    }

    /// <summary>The luma of every pixel (as <see cref="Luma"/>), row-major.</summary>
    public float[] LumaPlane()
    {
        var grey = new float[Width * Height];
        for (var i = 0; i < grey.Length; i++) grey[i] = 0.299f * Pixels[3 * i] + 0.587f * Pixels[3 * i + 1] + 0.114f * Pixels[3 * i + 2];
        return grey;
    }
}
