namespace FaceVerify.Core.Imaging;

/// <summary>An image that passed the limits and decoded: pixels upright (EXIF applied), in RGB.</summary>
/// <param name="Format">Format sniffed from the bytes: <c>jpeg</c>, <c>png</c>, <c>webp</c>, …</param>
/// <param name="ByteLength">Size of the encoded file.</param>
/// <param name="Sha256">Hex sha256 of the encoded bytes.</param>
public sealed record DecodedImage(RgbImage Image, string Format, long ByteLength, string Sha256)
{
    public int Width => Image.Width;
    public int Height => Image.Height;
}
