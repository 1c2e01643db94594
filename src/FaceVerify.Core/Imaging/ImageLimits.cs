namespace FaceVerify.Core.Imaging;

/// <summary>Limits checked before a single pixel is decoded (bound from <c>FaceVerify:Images</c>).</summary>
public sealed record ImageLimits
{
    /// <summary>Largest encoded file accepted.</summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;
    /// <summary>Largest pixel count the header may announce: refuses decompression bombs.</summary>
    public long MaxPixels { get; init; } = 40_000_000;
    /// <summary>Longest side the header may announce.</summary>
    public int MaxSide { get; init; } = 12_000;
}
