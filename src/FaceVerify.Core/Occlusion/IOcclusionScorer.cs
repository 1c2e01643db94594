using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Occlusion;

/// <summary>Scores what covers a face: masks, sunglasses, hair over the eyes.</summary>
public interface IOcclusionScorer
{
    OcclusionReading Score(RgbImage alignedFace, FaceEncoding encoding, IReadOnlyList<Point2> landmarks68, FaceBox box);
}

/// <summary>Probabilities 0..1 that each attribute is present.</summary>
public sealed record OcclusionReading(double Mask, double Sunglasses, double HairOverEyes);
