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
public sealed class LogisticOcclusionScorer : IOcclusionScorer
{
    private readonly OcclusionModel _model;

    public LogisticOcclusionScorer(IOptions<OcclusionOptions> options)
        : this(Load(options.Value.WeightsId)) { }

    internal LogisticOcclusionScorer(OcclusionModel model) => _model = model;

    public OcclusionReading Score(RgbImage alignedFace, FaceEncoding encoding, IReadOnlyList<Point2> landmarks68, FaceBox box) =>
        _model.Score(OcclusionFeatures.Compute(alignedFace, encoding, landmarks68, box));

    private static OcclusionModel Load(string id)
    {
        var json = TrainedWeightsFile.ReadVerified(id);
        try { return OcclusionModel.FromJson(json, $"trained weights '{id}'"); }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException)
        {
            throw new ModelFileException(ex.Message);
        }
    }
}
