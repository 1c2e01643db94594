namespace FaceVerify.Core.Quality;

/// <summary>Image-quality measures of the aligned 112×112 face.</summary>
/// <param name="Sharpness">Variance of the Laplacian of the grey face (higher is sharper).</param>
/// <param name="Brightness">Mean luma of the face, 0..255.</param>
/// <param name="LightingAsymmetry">|mean left half − mean right half| / mean, 0..1+.</param>
/// <param name="ClippedFraction">Share of face pixels at or above luma 250 (blown out).</param>
public sealed record FaceQuality(double Sharpness, double Brightness, double LightingAsymmetry, double ClippedFraction);

/// <summary>How white the background around the head is (ID photos).</summary>
/// <param name="WhiteFraction">Share of background pixels that are bright and colourless.</param>
/// <param name="MeanLuma">Mean luma of the background pixels.</param>
public sealed record BackgroundReading(double WhiteFraction, double MeanLuma);
