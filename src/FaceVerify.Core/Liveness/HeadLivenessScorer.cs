using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;

namespace FaceVerify.Core.Liveness;

/// <summary>
/// Liveness v2. A face with its surroundings in the picture keeps fusion v1 (the passive model and the print/screen
/// cues on the 2.7× crop, models/liveness/fusion-v1.json). A face that fills the frame (a candidate close to the
/// webcam, a tight crop: at least <see cref="LivenessHeadWeights.Gate"/> of the 2.7× context outside the picture) has
/// no surroundings to judge, so it is scored by our head on the passive network's hidden layer read on a crop that
/// stays inside the picture (never on fill), plus the share of missing context, and capped by fusion v1's flat-print cues on the same in-image crop (models/liveness/head-v2-guard.json). Both
/// weights files are hash-checked against the manifest. The score is the sigmoid of the margin over the part's own
/// default threshold, so the policy's thresholds mean the same for both parts.
/// </summary>
public sealed class HeadLivenessScorer(PassiveLivenessScorer passive, PassiveLivenessNetwork network, ModelCatalog catalog) : ILivenessScorer
{
    private readonly LivenessHeadWeights _head = LivenessHeadWeights.Parse(catalog.VerifiedTrainedBytes(LivenessHeadWeights.ManifestId));
    private readonly LivenessFusionWeights _v1 = LivenessFusionWeights.Parse(catalog.VerifiedTrainedBytes(LivenessFusionWeights.ManifestId));

    private double V1Default => LivenessFeatures.Logit(_v1.OperatingPoints["default"]);
    private double StrictOffset => LivenessFeatures.Logit(_v1.OperatingPoints["strict"]) - V1Default;

    public LivenessReading Score(RgbImage image, FaceBox face)
    {
        var missing = LivenessCrop.MissingContext(image, face, 2.7f);
        var cues = new Dictionary<string, double>();
        if (_head.Gate is { } gate && missing < gate)
        {
            var model = passive.Score(image, face);
            var features = LivenessFeatures.Of(image, face, model);
            for (var i = 0; i < PresentationCues.Names.Length; i++) cues[PresentationCues.Names[i]] = features[i + 1];
            cues["missingContext"] = Math.Round(missing, 4);
            return new LivenessReading(LivenessFeatures.Sigmoid(_v1.Logit(features) - V1Default), model.Crop) { ModelScore = model.Score, Cues = cues };
        }

        var layout = _head.Layout;
        var reads = layout.Scales.Select(s => network.Read(image, face, s)).ToArray();
        // The widest crop is the context crop the report draws (2.7× unless the picture is smaller).
        var context = reads.MaxBy(r => r.Crop.Width)!;
        // The cues cost a few milliseconds: measured only when the head reads them.
        var cueValues = layout.Cues || _head.PrintGuard is not null ? PresentationCues.Measure(image, LivenessCrop.ClipToImage(image, face), context.Crop) : [];
        var input = layout.Vector(reads.Select(r => (double[])[LivenessFeatures.Logit(r.Score), .. r.Hidden.Select(h => (double)h)]).ToList(), cueValues, null, missing);
        // The print guard reads v1's flat-print family on the in-image crop: the passive log-odds at 2.7 and the cues there.
        var flatPrint = _head.PrintGuard is null ? double.PositiveInfinity
            : _v1.Families.Single(f => f.Name == LivenessHeadWeights.FlatPrintFamily).Logit([LivenessFeatures.Logit(reads[Array.IndexOf(layout.Scales, 2.7f)].Score), .. cueValues]) - V1Default;
        for (var i = 0; i < cueValues.Length; i++) cues[PresentationCues.Names[i]] = cueValues[i];
        cues["missingContext"] = Math.Round(missing, 4);
        return new LivenessReading(LivenessFeatures.Sigmoid(_head.HeadMargin(input, StrictOffset, flatPrint)), context.Crop) { ModelScore = context.Score, Cues = cues };
    }
}
