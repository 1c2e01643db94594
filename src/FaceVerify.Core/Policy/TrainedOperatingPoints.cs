using FaceVerify.Core.Liveness;
using FaceVerify.Core.Models;
using FaceVerify.Core.Occlusion;

namespace FaceVerify.Core.Policy;

/// <summary>
/// The thresholds chosen together with our trained weights, read from the weights files they were chosen with
/// (hash-checked by the catalog): the occlusion heads' cross-validated operating points (each flags at most 1% of
/// frontal LFW faces, <c>train-attributes</c>) and the liveness operating points. Liveness v2 scores the margin over
/// each part's own default point (fusion v1's out-of-fold BPCER point, the head's chosen on training folds), so its
/// default is 0.5 by construction and its strict point is fusion v1's strict point read as a margin over its default.
/// Retraining the weights moves the policies with them; no number is copied by hand.
/// </summary>
public sealed record TrainedOperatingPoints(
    double OcclusionMask, double OcclusionSunglasses, double OcclusionHair, double LivenessDefault, double LivenessStrict)
{
    public static TrainedOperatingPoints Load(ModelCatalog catalog, string occlusionWeightsId)
    {
        var occlusion = OcclusionModel.Load(catalog, occlusionWeightsId);
        var liveness = LivenessFusionWeights.Parse(catalog.VerifiedTrainedBytes(LivenessFusionWeights.ManifestId));
        return new TrainedOperatingPoints(
            occlusion.Mask.Threshold, occlusion.Sunglasses.Threshold, occlusion.HairOverEyes.Threshold,
            LivenessDefault: 0.5,
            LivenessStrict: Math.Round(LivenessFeatures.Sigmoid(
                LivenessFeatures.Logit(OperatingPoint(liveness, "strict")) - LivenessFeatures.Logit(OperatingPoint(liveness, "default"))), 4));
    }

    private static double OperatingPoint(LivenessFusionWeights weights, string name) =>
        weights.OperatingPoints.TryGetValue(name, out var threshold) ? threshold
        : throw new ModelFileException($"trained weights '{LivenessFusionWeights.ManifestId}' carry no '{name}' operating point");
}
