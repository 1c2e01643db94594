using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Occlusion;

/// <summary>
/// Mask, sunglasses and hair-over-eyes probabilities from our own logistic heads (trained by
/// <c>faceverify train-attributes</c>) over <see cref="OcclusionFeatures"/>. The weights file is hash-checked
/// at construction, so a wrong or missing file stops the service at start-up, naming the file.
/// The heads read the identity crop first: a face every head reads as clearly bare there
/// (<see cref="OcclusionOptions.SkipKeypointsBelow"/>) keeps that reading, and only the others pay for the key-point
/// model and, where its points disagree, a second crop (<see cref="OcclusionViewReader"/>).
/// </summary>
public sealed class LogisticOcclusionScorer(ModelCatalog catalog, IOptions<OcclusionOptions> options, OcclusionViewReader views) : IOcclusionScorer
{
    private readonly OcclusionModel _model = OcclusionModel.Load(catalog, options.Value.WeightsId);
    private readonly double _skipBelow = options.Value.SkipKeypointsBelow;

    public OcclusionReading Score(RgbImage image, FaceBox box, IReadOnlyList<Point2> landmarks68, RgbImage identityCrop, FaceEncoding identityEncoding)
    {
        if (_skipBelow <= 0) return ScoreView(views.Read(image, box, landmarks68, identityCrop, identityEncoding), landmarks68, box);
        var first = _model.Score(OcclusionFeatures.Compute(identityCrop, identityEncoding, landmarks68, box));
        if (Math.Max(first.Mask, Math.Max(first.Sunglasses, first.HairOverEyes)) < _skipBelow) return first;
        var view = views.Read(image, box, landmarks68, identityCrop, identityEncoding);
        // Without a crop of its own the view is the identity crop: its reading is the one already taken.
        return view.OnKeypoints ? ScoreView(view, landmarks68, box) : first;
    }

    private OcclusionReading ScoreView(OcclusionView view, IReadOnlyList<Point2> landmarks68, FaceBox box) =>
        _model.Score(OcclusionFeatures.Compute(view.Aligned, view.Encoding, landmarks68, box));
}
