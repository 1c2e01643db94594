using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Liveness;

/// <summary>Passive presentation-attack score of one face: is it a live person, not a print or a screen.</summary>
public interface ILivenessScorer
{
    LivenessReading Score(RgbImage image, FaceBox face);
}

/// <summary>Probability of a live face (0..1) and the crop it was computed on, for reports.</summary>
public sealed record LivenessReading(double Score, FaceBox Crop);
