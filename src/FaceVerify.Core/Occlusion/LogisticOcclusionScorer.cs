using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Occlusion;

/// <summary>
/// Mask, sunglasses and hair-over-eyes probabilities from our own logistic heads (trained by
/// <c>faceverify train-attributes</c>) over <see cref="OcclusionFeatures"/>. The weights file is hash-checked
/// at construction, so a wrong or missing file stops the service at start-up, naming the file.
/// </summary>
public sealed class LogisticOcclusionScorer(ModelCatalog catalog, IOptions<OcclusionOptions> options, OcclusionViewReader views) : IOcclusionScorer
{
    private readonly OcclusionModel _model = OcclusionModel.Load(catalog, options.Value.WeightsId);

    public OcclusionReading Score(RgbImage image, FaceBox box, IReadOnlyList<Point2> landmarks68, RgbImage identityCrop, FaceEncoding identityEncoding)
    {
        var view = views.Read(image, box, landmarks68, identityCrop, identityEncoding);
        return _model.Score(OcclusionFeatures.Compute(view.Aligned, view.Encoding, landmarks68, box));
    }
}
