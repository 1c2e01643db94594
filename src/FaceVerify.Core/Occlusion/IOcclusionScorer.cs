using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Occlusion;

/// <summary>Scores what covers a face: masks, sunglasses, hair over the eyes.</summary>
public interface IOcclusionScorer
{
    /// <param name="identityCrop">The aligned crop the identity embedding read, and <paramref name="identityEncoding"/> its
    /// encoding: the stand-in where the face has no key points of its own.</param>
    OcclusionReading Score(RgbImage image, FaceBox box, IReadOnlyList<Point2> landmarks68, RgbImage identityCrop, FaceEncoding identityEncoding);
}

/// <summary>Probabilities 0..1 that each attribute is present.</summary>
public sealed record OcclusionReading(double Mask, double Sunglasses, double HairOverEyes);
