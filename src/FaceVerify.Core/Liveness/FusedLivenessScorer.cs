using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;

namespace FaceVerify.Core.Liveness;

/// <summary>
/// The passive model alone lets too many screen replays through on a camera it was not trained on; this
/// fuses its log-odds with print/screen cues by our own logistic regression (weights hash-checked against
/// the manifest). The reading keeps the model score and the cues so reports can show why.
/// </summary>
public sealed class FusedLivenessScorer(PassiveLivenessScorer passive, ModelCatalog catalog) : ILivenessScorer
{
    /// <summary>The fusion weights with their operating points, for scorers that build on this one.</summary>
    public LivenessFusionWeights Weights { get; } = LivenessFusionWeights.Parse(catalog.VerifiedTrainedBytes(LivenessFusionWeights.ManifestId));

    public LivenessReading Score(RgbImage image, FaceBox face) => Read(image, face).Reading;

    /// <summary>The reading with the fused log-odds it came from, for scorers that set their operating point on them.</summary>
    public (double Logit, LivenessReading Reading) Read(RgbImage image, FaceBox face)
    {
        var model = passive.Score(image, face);
        var features = LivenessFeatures.Of(image, face, model);
        var cues = new Dictionary<string, double>(PresentationCues.Names.Length);
        for (var i = 0; i < PresentationCues.Names.Length; i++) cues[PresentationCues.Names[i]] = features[i + 1];
        var logit = Weights.Logit(features);
        return (logit, new LivenessReading(LivenessFeatures.Sigmoid(logit), model.Crop) { ModelScore = model.Score, Cues = cues });
    }
}
