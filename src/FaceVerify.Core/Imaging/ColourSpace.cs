namespace FaceVerify.Core.Imaging;

/// <summary>Colour conversions shared by the measures that read skin, masks and lenses.</summary>
public static class ColourSpace
{
    /// <summary>ITU-R BT.601 luma (0..255) and chroma centred on 0 (about −128..128) of one RGB pixel.</summary>
    public static (double Y, double Cb, double Cr) YCbCr(double r, double g, double b) =>
        (0.299 * r + 0.587 * g + 0.114 * b, -0.168736 * r - 0.331264 * g + 0.5 * b, 0.5 * r - 0.418688 * g - 0.081312 * b);
}
