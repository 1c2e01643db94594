namespace FaceVerify.Core.Policy;

/// <summary>The registration rules for the ID photo file itself.</summary>
public sealed record IdPhotoFileOptions
{
    public long MinBytes { get; init; } = 40 * 1024;
    public long MaxBytes { get; init; } = 1000 * 1024;
    public int Width { get; init; } = 295;
    public int Height { get; init; } = 413;
    public bool RequireJpeg { get; init; } = true;
    /// <summary>Share of background pixels that must be bright and colourless.</summary>
    public double MinWhiteBackground { get; init; } = 0.80;
}
