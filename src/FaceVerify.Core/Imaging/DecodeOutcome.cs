namespace FaceVerify.Core.Imaging;

public enum DecodeProblem
{
    None,
    /// <summary>Empty, truncated, corrupt or not an image at all.</summary>
    Unreadable,
    /// <summary>An image, but of a format the service does not take.</summary>
    UnsupportedFormat,
    /// <summary>Bytes or announced pixels over the limits (decompression bomb, huge upload).</summary>
    TooLarge,
}

/// <summary>Either a decoded image or the reason there is none; decoding never throws for bad input.</summary>
public sealed record DecodeOutcome(DecodedImage? Image, DecodeProblem Problem, string Detail, string? SniffedFormat, long ByteLength, string Sha256)
{
    /// <summary>The value that broke a limit (bytes or pixels), for the finding.</summary>
    public double? LimitValue { get; init; }
    public double? LimitThreshold { get; init; }
    public bool Succeeded => Image is not null;
}
