using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Cli.Evaluation;

/// <summary>
/// The embeddings of one picture's largest face that matching experiments compare: the identity crop as the service
/// reads it, that crop mirrored, and the crop aligned on BlazeFace's key points (the occlusion view, which the
/// service already computes, so averaging it in costs no model run). Personal data: never logged.
/// </summary>
internal sealed record MatchVectors(float[] Plain, float[] Flipped, float[] Keypoints)
{
    public float[] Of(EmbeddingVariant variant) => variant switch
    {
        EmbeddingVariant.Plain => Plain,
        EmbeddingVariant.Flip => Average(Plain, Flipped),
        EmbeddingVariant.Keypoints => Average(Plain, Keypoints),
        EmbeddingVariant.FlipKeypoints => Average(Plain, Flipped, Keypoints),
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    private static float[] Average(params float[][] vectors)
    {
        var sum = new float[vectors[0].Length];
        foreach (var v in vectors)
            for (var i = 0; i < sum.Length; i++) sum[i] += v[i];
        return Similarity.Normalise(sum);
    }
}

/// <summary>How a picture's embedding is made from its <see cref="MatchVectors"/>.</summary>
internal enum EmbeddingVariant { Plain, Flip, Keypoints, FlipKeypoints }

/// <summary>Computes <see cref="MatchVectors"/> with the service's own detector, landmarks, aligner and embedding network.</summary>
internal sealed class MatchVectorExtractor(IImageDecoder decoder, IFaceDetector detector, ILandmarkDetector landmarks, IFaceKeypointDetector keypoints, IFaceEmbedder embedder)
{
    public MatchVectors? Extract(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        if (Largest(bytes, ct) is not { } found) return null;
        var (image, largest, aligned) = found;
        var plain = embedder.Encode(aligned).Embedding;
        var flipped = embedder.Encode(ImageMirror.Flip(aligned)).Embedding;
        var onKeypoints = keypoints.Detect(image, largest.Box) is { } points
            ? embedder.Encode(SimilarityAligner.Align(image, points.AlignmentPoints())).Embedding
            : plain;
        return new MatchVectors(plain, flipped, onKeypoints);
    }

    /// <summary>Only the plain embedding (one network run instead of three), for a run that keeps no cache and reads nothing else.</summary>
    public float[]? ExtractPlain(ReadOnlyMemory<byte> bytes, CancellationToken ct) =>
        Largest(bytes, ct) is { } found ? embedder.Encode(found.Aligned).Embedding : null;

    private (RgbImage Image, DetectedFace Face, RgbImage Aligned)? Largest(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        if (decoder.Decode(bytes, ct).Image is not { } decoded) return null;
        var image = decoded.Image;
        var largest = detector.Detect(image).MaxBy(f => f.Box.Area);
        if (largest is null) return null;
        return (image, largest, SimilarityAligner.Align(image, Landmarks.ToFive(landmarks.Detect(image, largest.Box))));
    }
}
