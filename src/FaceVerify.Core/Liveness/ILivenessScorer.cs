using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Liveness;

/// <summary>Passive presentation-attack score of one face: is it a live person, not a print or a screen.</summary>
public interface ILivenessScorer
{
    LivenessReading Score(RgbImage image, FaceBox face);
}

/// <summary>Probability of a live face (0..1) and the crop it was computed on, for reports.</summary>
public sealed record LivenessReading(double Score, FaceBox Crop)
{
    /// <summary>The passive model's own live probability, when <see cref="Score"/> fuses more than the model.</summary>
    public double? ModelScore { get; init; }
    /// <summary>The print/screen cues fused into <see cref="Score"/>, by name (see <see cref="PresentationCues.Names"/>).</summary>
    public IReadOnlyDictionary<string, double>? Cues { get; init; }
    /// <summary>How far extra frames moved the score (logit units, bounded); null without extra frames.</summary>
    public FrameEvidence? Frames { get; init; }
}
