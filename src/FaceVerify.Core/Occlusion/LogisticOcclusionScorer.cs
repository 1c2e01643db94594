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
public sealed class LogisticOcclusionScorer(ModelCatalog catalog, IOptions<OcclusionOptions> options) : IOcclusionScorer
{
    private readonly OcclusionModel _model = OcclusionModel.Load(catalog, options.Value.WeightsId);

    public OcclusionReading Score(RgbImage alignedFace, FaceEncoding encoding, IReadOnlyList<Point2> landmarks68, FaceBox box) =>
        _model.Score(OcclusionFeatures.Compute(alignedFace, encoding, landmarks68, box));
}
