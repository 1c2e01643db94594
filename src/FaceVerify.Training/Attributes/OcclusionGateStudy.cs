using System.Globalization;

namespace FaceVerify.Cli.Training;

/// <summary>
/// What the second-crop gate (<see cref="FaceVerify.Core.Occlusion.OcclusionOptions.SecondCropAbove"/>) does to the
/// cross-validated occlusion figures. Heads are fitted per fold exactly as occlusion v3 (on the key-point crop's
/// features) and each held-out face is scored twice: as v3 reads it, and as the gated service reads it (the
/// identity crop's features where the two models' points agree within the gate). The thresholds are v3's rule on
/// the ungated scores, so "gated" is the shipped weights' recipe behind the gate. Then, for comparison, heads
/// retrained on the gated features (their own thresholds).
/// </summary>
internal static class OcclusionGateStudy
{
    public static void Print(OcclusionTrainer trainer, IReadOnlyList<FaceSample> training, IReadOnlyList<double> gates, double maxRate, double f1Tolerance, TextWriter output)
    {
        Func<int, double[]> Gated(double gate) => i => training[i] is { IdentityFeatures: { } identity, View: { } view } && view.Disagreement <= gate ? identity : training[i].Features!;
        var views = gates.Select(Gated).Prepend(i => training[i].Features!).ToArray();
        var oof = trainer.OutOfFold(training, views);
        var heads = OcclusionTrainer.Heads;
        var ordinaryRows = Enumerable.Range(0, training.Count).Where(i => OcclusionTrainer.IsOrdinaryFrontal(training[i])).ToList();
        var thresholds = heads.Select((_, h) => OperatingPoint.Choose(OcclusionTrainer.Scored(training, oof[0], h), ordinaryRows.Select(i => oof[0][i][h]).ToList(), maxRate, f1Tolerance)).ToArray();
        var faces = Enumerable.Range(0, training.Count).Where(i => !training[i].Sample.Mirrored).ToList();
        for (var v = 0; v < views.Length; v++)
        {
            var gate = v == 0 ? 0 : gates[v - 1];
            var second = v == 0 ? faces.Count : faces.Count(i => training[i].View is not { } view || !(training[i].IdentityFeatures is not null && view.Disagreement <= gate));
            var changed = faces.Sum(i => heads.Select((_, h) => oof[v][i][h] > thresholds[h] != oof[0][i][h] > thresholds[h] ? 1 : 0).Sum());
            var falseOcclusion = (double)ordinaryRows.Count(i => heads.Select((_, h) => oof[v][i][h] > thresholds[h]).Any(f => f)) / ordinaryRows.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gate {(v == 0 ? "off" : gate.ToString("0.00", CultureInfo.InvariantCulture))}: second crop {second}/{faces.Count} faces ({SecondShare(training, faces, v == 0 ? null : gate)}); decisions changed {changed}; frontal ordinary flagged {falseOcclusion:P2}; ")
                + Figures(training, oof[v], thresholds));
        }
        foreach (var gate in gates)
        {
            var gated = Gated(gate);
            var retrained = training.Select((s, i) => s with { Features = gated(i) }).ToList();
            var outcome = trainer.Train(retrained, "gate", [], []);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gate {gate:0.00}, heads retrained on gated features: ")
                + string.Join("  ", outcome.Figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Attribute} F1 {f.F1:0.000} (t {f.Threshold:0.0000})"))));
        }
    }

    private static string SecondShare(IReadOnlyList<FaceSample> training, List<int> faces, double? gate)
    {
        bool Second(int i) => gate is null || training[i].View is not { } view || training[i].IdentityFeatures is null || view.Disagreement > gate;
        string Of(Func<AttributeSample, bool> group)
        {
            var rows = faces.Where(i => group(training[i].Sample)).ToList();
            return $"{rows.Count(Second)}/{rows.Count}";
        }
        return $"mask+ {Of(s => s.Mask == true)}, sunglasses+ {Of(s => s.Sunglasses == true)}, hair+ {Of(s => s.Hair == true)}, ordinary {Of(s => s.Ordinary)}";
    }

    private static string Figures(IReadOnlyList<FaceSample> training, double[][] scores, double[] thresholds) =>
        string.Join("  ", OcclusionTrainer.Heads.Select((a, h) =>
        {
            var f = AttributeFigures.At(a.ToString(), thresholds[h], OcclusionTrainer.Scored(training, scores, h), []);
            return string.Create(CultureInfo.InvariantCulture, $"{a} F1 {f.F1:0.000} (P {f.Precision:0.000} R {f.Recall:0.000})");
        }));
}
