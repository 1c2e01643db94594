using FaceVerify.Core.Analysis;
using FaceVerify.Core.Eyes;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;
using FaceVerify.Core.Occlusion;
using FaceVerify.Core.Pose;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Training;

/// <summary>What the full pipeline read on one picture's largest face; Reading is null when no face was detected.</summary>
internal sealed record FaceSample(AttributeSample Sample, FaceReading? Reading, OcclusionView? View, double[]? Features)
{
    /// <summary>The occlusion features read on the identity crop and its embedding (what a gated view reads where the points agree).</summary>
    public double[]? IdentityFeatures { get; init; }

    public bool Detected => Reading is not null;
}

/// <summary>
/// Runs every picture once through the production pipeline (decode, detect, landmarks, align, embed, pose)
/// and keeps the occlusion features in memory, so cross-validation never touches an image again.
/// </summary>
internal sealed class FeaturePass(IServiceProvider services)
{
    private static readonly AnalysisScope Scope = new(AllFaces: false, Liveness: false, Background: false);

    // Built by hand without an occlusion scorer: the weights being trained must not be needed to train them.
    private readonly FaceAnalyzer _analyzer = new(
        services.GetRequiredService<IFaceDetector>(), services.GetRequiredService<ILandmarkDetector>(),
        services.GetRequiredService<IFaceEmbedder>(), services.GetRequiredService<ILivenessScorer>(),
        services.GetRequiredService<IHeadPoseEstimator>(), services.GetRequiredService<IEyeStateClassifier>());

    private readonly IImageDecoder _decoder = services.GetRequiredService<IImageDecoder>();
    private readonly IFaceEmbedder _embedder = services.GetRequiredService<IFaceEmbedder>();
    private readonly OcclusionViewReader _views = services.GetRequiredService<OcclusionViewReader>();

    /// <summary>
    /// The same face mirrored left-right: its aligned crop flipped and embedded again. Sunglasses, masks and fringes
    /// look the same mirrored, so it doubles what the heads see; the landmark ratios are kept (they are symmetric
    /// up to which eye is which).
    /// </summary>
    public FaceSample? Mirror(FaceSample original)
    {
        if (original.Reading is not { } face || original.View is not { } view) return null;
        var flipped = view with { Aligned = ImageMirror.Flip(view.Aligned) };
        flipped = flipped with { Encoding = _embedder.Encode(flipped.Aligned) };
        return new FaceSample(original.Sample with { Mirrored = true }, face, flipped,
            OcclusionFeatures.Compute(flipped.Aligned, flipped.Encoding, face.Landmarks68, face.Box));
    }

    public DecodedImage? Decode(string file, CancellationToken ct) =>
        File.Exists(file) ? _decoder.Decode(File.ReadAllBytes(file), ct).Image : null;

    public FaceSample Read(AttributeSample sample, DecodedImage? image, CancellationToken ct)
    {
        if (image is null) return new FaceSample(sample, null, null, null);
        var face = _analyzer.Analyze(image, Scope, new StageClock(), ct).Primary;
        if (face is null) return new FaceSample(sample, null, null, null);
        var view = _views.Read(image.Image, face.Box, face.Landmarks68, face.Aligned, face.Encoding);
        return new FaceSample(sample, face, view, OcclusionFeatures.Compute(view.Aligned, view.Encoding, face.Landmarks68, face.Box))
        {
            IdentityFeatures = view.OnKeypoints ? OcclusionFeatures.Compute(face.Aligned, face.Encoding, face.Landmarks68, face.Box) : null,
        };
    }

    public Task<List<FaceSample>> ReadAllAsync(IReadOnlyList<AttributeSample> samples, string label, CancellationToken ct) =>
        ParallelReads.InOrderAsync(samples.Count, (i, token) => Read(samples[i], Decode(samples[i].File, token), token), label, 50, ct);
}
