namespace FaceVerify.Core.Quality;

/// <summary>Image-quality measures of the aligned 112×112 face.</summary>
/// <param name="Sharpness">1000 × variance of the Laplacian of the grey face / (98th-percentile luma)²
/// (higher is sharper; independent of exposure).</param>
/// <param name="Brightness">Mean luma of the face, 0..255.</param>
/// <param name="LightingAsymmetry">|mean left half − mean right half| / mean, 0..1+.</param>
/// <param name="ClippedFraction">Share of face pixels at or above luma 250 (blown out).</param>
public sealed record FaceQuality(double Sharpness, double Brightness, double LightingAsymmetry, double ClippedFraction)
{
    /// <summary>98th-percentile luma of the face: how bright its highlights are. Dark skin that is well lit
    /// still has bright highlights; an under-exposed face has none.</summary>
    public double Highlight { get; init; }
    /// <summary>Standard deviation of the face's luma.</summary>
    public double Contrast { get; init; }
    /// <summary>Raw variance of the Laplacian (depends on contrast; for diagnosis).</summary>
    public double LaplacianVariance { get; init; }
}

/// <summary>How white the background around the head is (ID photos).</summary>
/// <param name="WhiteFraction">Share of background pixels that are bright and colourless.</param>
/// <param name="MeanLuma">Mean luma of the background pixels.</param>
public sealed record BackgroundReading(double WhiteFraction, double MeanLuma);
