namespace FaceVerify.Core.Imaging;

/// <summary>What is known of an image file without its pixels.</summary>
public sealed record ImageFacts(int Width, int Height, string Format, long ByteLength, string Sha256)
{
    public static ImageFacts Of(DecodedImage image) => new(image.Width, image.Height, image.Format, image.ByteLength, image.Sha256);
}
