using FaceVerify.Core.Liveness;
using FaceVerify.Core.Models;
using FaceVerify.Core.Occlusion;

namespace FaceVerify.Core.Policy;

/// <summary>
/// The thresholds chosen together with our trained weights, read from the weights files they were chosen with
/// (hash-checked by the catalog): the occlusion heads' cross-validated operating points (each flags at most 1% of
/// frontal LFW faces, <c>train-attributes</c>) and the fused liveness's out-of-fold BPCER points (<c>train-liveness</c>).
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
            OperatingPoint(liveness, "default"), OperatingPoint(liveness, "strict"));
    }

    private static double OperatingPoint(LivenessFusionWeights weights, string name) =>
        weights.OperatingPoints.TryGetValue(name, out var threshold) ? threshold
        : throw new ModelFileException($"trained weights '{LivenessFusionWeights.ManifestId}' carry no '{name}' operating point");
}
