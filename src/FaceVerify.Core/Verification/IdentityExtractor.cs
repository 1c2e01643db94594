using FaceVerify.Core.Analysis;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Verification;

/// <summary>The embedding of the largest face and the face count, or why there is none.</summary>
public sealed record IdentityVector(float[]? Embedding, int Faces, DecodeProblem Problem, string Detail);

/// <summary>
/// Only what matching needs (decode, detect, landmarks, align, embed): used for bulk evaluation and
/// <c>compare</c>, where pose, eyes and liveness would be wasted work.
/// </summary>
public sealed class IdentityExtractor(IImageDecoder decoder, IFaceDetector detector, ILandmarkDetector landmarks, IFaceEmbedder embedder)
{
    public IdentityVector Extract(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var decoded = decoder.Decode(bytes, cancellationToken);
        if (decoded.Image is not { } image) return new IdentityVector(null, 0, decoded.Problem, decoded.Detail);
        var faces = detector.Detect(image.Image);
        if (faces.Count == 0) return new IdentityVector(null, 0, DecodeProblem.None, "no face");
        var largest = faces.MaxBy(f => f.Box.Area)!;
        var five = Landmarks.ToFive(landmarks.Detect(image.Image, largest.Box));
        return new IdentityVector(embedder.Encode(SimilarityAligner.Align(image.Image, five)).Embedding, faces.Count, DecodeProblem.None, "");
    }
}
