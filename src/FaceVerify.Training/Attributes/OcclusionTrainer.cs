using FaceVerify.Core.Occlusion;

namespace FaceVerify.Cli.Training;

/// <summary>Cross-validated figures of the three heads and the weights trained on everything.</summary>
internal sealed record TrainingOutcome(OcclusionModel Model, IReadOnlyList<AttributeFigures> Figures, double[][] OutOfFold);

/// <summary>
/// Trains the mask, sunglasses and hair-over-eyes heads: k-fold by group for out-of-fold scores, a threshold per
/// head from those scores, then each head refitted on all its labelled samples.
/// </summary>
/// <param name="lambda">L2 penalty of the hand-made features.</param>
/// <param name="embeddingLambda">L2 penalty of the 512 embedding features: they outnumber the hand-made ones 4 to 1 and overfit first.</param>
/// <param name="mapLambda">L2 penalty of the pooled feature-map features (<see cref="FaceVerify.Core.Faces.FeatureMapRegions"/>).</param>
/// <param name="f1Tolerance">How far below the best cross-validated F1 the chosen threshold may be to gain recall (<see cref="OperatingPoint"/>).</param>
internal sealed class OcclusionTrainer(int folds, int seed, double lambda, double embeddingLambda, double mapLambda, double maxOrdinaryRatePerHead, double f1Tolerance)
{
    public static readonly Attribute[] Heads = [Attribute.Mask, Attribute.Sunglasses, Attribute.HairOverEyes];

    /// <summary>An ordinary face counted in the false-occlusion rate: unoccluded, roughly frontal.</summary>
    public static bool IsOrdinaryFrontal(FaceSample s) =>
        s.Sample.Ordinary && !s.Sample.Mirrored && s.Reading is { } r && Math.Abs(r.Pose.Yaw) <= 20 && Math.Abs(r.Pose.Pitch) <= 20;

    public TrainingOutcome Train(IReadOnlyList<FaceSample> samples, string name, IReadOnlyList<string> heldOut, Dictionary<string, string> notes)
    {
        var oof = OutOfFold(samples, i => samples[i].Features!)[0];

        var figures = new List<AttributeFigures>();
        var thresholds = new double[Heads.Length];
        var ordinaryRows = Enumerable.Range(0, samples.Count).Where(i => IsOrdinaryFrontal(samples[i])).ToList();
        for (var h = 0; h < Heads.Length; h++)
        {
            var scored = Scored(samples, oof, h);
            var ordinary = ordinaryRows.Select(i => oof[i][h]).ToList();
            thresholds[h] = OperatingPoint.Choose(scored, ordinary, maxOrdinaryRatePerHead, f1Tolerance);
            figures.Add(AttributeFigures.At(Heads[h].ToString(), thresholds[h], scored, ordinary));
        }

        var all = Enumerable.Range(0, samples.Count).ToList();
        var finalScaler = Standardiser.Of(samples.Select(s => s.Features!).ToList());
        var heads = Heads.Select((a, h) =>
        {
            var fit = FitHead(samples, all, finalScaler, a);
            return new OcclusionHead(fit.Weights.Select(w => Math.Round(w, 6)).ToArray(), Math.Round(fit.Bias, 6), thresholds[h]);
        }).ToArray();
        var model = new OcclusionModel
        {
            Name = name, Layout = OcclusionFeatures.Layout,
            Mean = finalScaler.Mean.Select(v => Math.Round(v, 6)).ToArray(),
            Scale = finalScaler.Scale.Select(v => Math.Round(v, 6)).ToArray(),
            Mask = heads[0], Sunglasses = heads[1], HairOverEyes = heads[2],
            Notes = notes, HeldOut = heldOut.ToArray(),
        };
        return new TrainingOutcome(model, figures, oof);
    }

    /// <summary>
    /// Out-of-fold scores of heads fitted on each sample's <see cref="FaceSample.Features"/>, read on each of
    /// <paramref name="views"/> (other features of the same held-out faces, e.g. those a gated service computes).
    /// </summary>
    public double[][][] OutOfFold(IReadOnlyList<FaceSample> samples, params Func<int, double[]>[] views)
    {
        var fold = GroupFolds.Assign(samples.Select(s => s.Sample.Group).ToList(), folds, seed);
        var oof = views.Select(_ => samples.Select(_ => new double[Heads.Length]).ToArray()).ToArray();
        for (var k = 0; k < folds; k++)
        {
            var trainRows = Enumerable.Range(0, samples.Count).Where(i => fold[i] != k).ToList();
            var scaler = Standardiser.Of(trainRows.Select(i => samples[i].Features!).ToList());
            for (var h = 0; h < Heads.Length; h++)
            {
                var fit = FitHead(samples, trainRows, scaler, Heads[h]);
                for (var i = 0; i < samples.Count; i++)
                    if (fold[i] == k)
                        for (var v = 0; v < views.Length; v++) oof[v][i][h] = LogisticFit.Probability(fit, scaler.Apply(views[v](i)));
            }
        }
        return oof;
    }

    public static List<(double Score, bool Positive)> Scored(IReadOnlyList<FaceSample> samples, double[][] scores, int head) =>
        Enumerable.Range(0, samples.Count)
            .Where(i => !samples[i].Sample.Mirrored && samples[i].Sample.Label(Heads[head]) is not null)
            .Select(i => (scores[i][head], samples[i].Sample.Label(Heads[head])!.Value)).ToList();

    private LogisticFit.Result FitHead(IReadOnlyList<FaceSample> samples, List<int> rows, Standardiser scaler, Attribute head)
    {
        var labelled = rows.Where(i => samples[i].Sample.Label(head) is not null).ToList();
        var penalty = Enumerable.Range(0, scaler.Mean.Length)
            .Select(j => j < OcclusionFeatures.HandCount ? lambda : j < OcclusionFeatures.HandCount + OcclusionFeatures.EmbeddingCount ? embeddingLambda : mapLambda).ToArray();
        return LogisticFit.Fit(labelled.Select(i => scaler.Apply(samples[i].Features!)).ToList(),
            labelled.Select(i => samples[i].Sample.Label(head)!.Value).ToList(), penalty);
    }
}
