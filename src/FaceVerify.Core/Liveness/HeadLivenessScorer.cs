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
public sealed class HeadLivenessScorer : ILivenessScorer
{
    private readonly FusedLivenessScorer _v1;
    private readonly PassiveLivenessNetwork _network;
    private readonly LivenessHeadWeights _head;
    private readonly double _v1Default;
    private readonly double _strictOffset;
    private readonly AttackFamilyWeights? _flatPrint;

    public HeadLivenessScorer(FusedLivenessScorer v1, PassiveLivenessNetwork network, ModelCatalog catalog)
    {
        _v1 = v1;
        _network = network;
        _head = LivenessHeadWeights.Parse(catalog.VerifiedTrainedBytes(LivenessHeadWeights.ManifestId));
        var operatingPoints = v1.Weights.OperatingPoints;
        _v1Default = LivenessFeatures.Logit(operatingPoints["default"]);
        _strictOffset = LivenessFeatures.Logit(operatingPoints["strict"]) - _v1Default;
        _flatPrint = _head.PrintGuard is null ? null : v1.Weights.Families.Single(f => f.Name == LivenessHeadWeights.FlatPrintFamily);
    }

    public LivenessReading Score(RgbImage image, FaceBox face)
    {
        var missing = LivenessCrop.MissingContext(image, face, 2.7f);
        if (_head.Gate is { } gate && missing < gate)
        {
            var (logit, reading) = _v1.Read(image, face);
            var v1Cues = new Dictionary<string, double>(reading.Cues!) { ["missingContext"] = Math.Round(missing, 4) };
            return reading with { Score = LivenessFeatures.Sigmoid(logit - _v1Default), Cues = v1Cues };
        }

        var layout = _head.Layout;
        var reads = layout.Scales.Select(s => _network.Read(image, face, s)).ToArray();
        // The widest crop is the context crop the report draws (2.7× unless the picture is smaller).
        var context = reads.MaxBy(r => r.Crop.Width)!;
        // The cues cost a few milliseconds: measured only when the head reads them.
        var cueValues = layout.Cues || _head.PrintGuard is not null ? PresentationCues.Measure(image, LivenessCrop.ClipToImage(image, face), context.Crop) : [];
        var input = layout.Vector(reads.Select(r => (double[])[LivenessFeatures.Logit(r.Score), .. r.Hidden.Select(h => (double)h)]).ToList(), cueValues, null, missing);
        // The print guard reads v1's flat-print family on the in-image crop: the passive log-odds at 2.7 and the cues there.
        var flatPrint = _flatPrint is null ? double.PositiveInfinity
            : _flatPrint.Logit([LivenessFeatures.Logit(reads[Array.IndexOf(layout.Scales, 2.7f)].Score), .. cueValues]) - _v1Default;
        var cues = new Dictionary<string, double>();
        for (var i = 0; i < cueValues.Length; i++) cues[PresentationCues.Names[i]] = cueValues[i];
        cues["missingContext"] = Math.Round(missing, 4);
        return new LivenessReading(LivenessFeatures.Sigmoid(_head.HeadMargin(input, _strictOffset, flatPrint)), context.Crop) { ModelScore = context.Score, Cues = cues };
    }
}
