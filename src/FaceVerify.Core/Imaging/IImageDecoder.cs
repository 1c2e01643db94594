namespace FaceVerify.Core.Imaging;

/// <summary>Turns untrusted bytes into pixels, or into a specific reason why not.</summary>
public interface IImageDecoder
{
    DecodeOutcome Decode(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
