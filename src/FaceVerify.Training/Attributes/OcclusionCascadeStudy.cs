using System.Globalization;

namespace FaceVerify.Cli.Training;

/// <summary>
/// What skipping the key-point model costs (<see cref="FaceVerify.Core.Occlusion.OcclusionOptions.SkipKeypointsBelow"/>):
/// the heads first read the identity crop's features; where every head is below the level the face is taken as bare
/// and keeps those scores, elsewhere it goes through the key points and the second-crop gate as before. Heads are
/// fitted per fold exactly as occlusion v3, thresholds are v3's rule on the ungated out-of-fold scores (as in
/// <see cref="OcclusionGateStudy"/>). The level is chosen here, on these training faces only: the highest at which at
/// most <c>maxMissed</c> of the occluded faces the gated pipeline flags for their attribute would be missed.
/// </summary>
internal static class OcclusionCascadeStudy
{
    public static void Print(OcclusionTrainer trainer, IReadOnlyList<FaceSample> training, double gate, IReadOnlyList<double> levels, double maxMissed,
        double maxRate, double f1Tolerance, TextWriter output)
    {
        double[] Identity(int i) => training[i].IdentityFeatures ?? training[i].Features!;
        double[] Gated(int i) => training[i] is { IdentityFeatures: { } identity, View: { } view } && view.Disagreement <= gate ? identity : training[i].Features!;
        var oof = trainer.OutOfFold(training, i => training[i].Features!, Gated, Identity);
        var heads = OcclusionTrainer.Heads;
        var ordinaryRows = Enumerable.Range(0, training.Count).Where(i => OcclusionTrainer.IsOrdinaryFrontal(training[i])).ToList();
        var thresholds = heads.Select((_, h) => OperatingPoint.Choose(OcclusionTrainer.Scored(training, oof[0], h), ordinaryRows.Select(i => oof[0][i][h]).ToList(), maxRate, f1Tolerance)).ToArray();
        var faces = Enumerable.Range(0, training.Count).Where(i => !training[i].Sample.Mirrored).ToList();
        var firstLook = training.Select((_, i) => oof[2][i].Max()).ToArray();

        // The occluded faces the gated pipeline gets right (flagged by the head of an attribute they carry): a level is
        // judged by how many of them it would lose.
        var caught = faces.SelectMany(i => heads.Select((a, h) => (i, h)).Where(p => training[i].Sample.Label(heads[p.h]) == true && oof[1][i][p.h] > thresholds[p.h])).ToList();
        double[][] Cascade(double level) => training.Select((_, i) => firstLook[i] < level ? oof[2][i] : oof[1][i]).ToArray();
        int Missed(double level) { var scores = Cascade(level); return caught.Count(p => scores[p.i][p.h] <= thresholds[p.h]); }

        // Candidate levels: every distinct first-look score of an occluded face, so the chosen level is the largest the rule allows.
        var allowed = (int)Math.Floor(maxMissed * caught.Count);
        var candidates = caught.Select(p => firstLook[p.i]).Append(1.0).Distinct().Order().ToList();
        var chosen = candidates.TakeWhile(l => Missed(l) <= allowed).DefaultIfEmpty(0).Last();
        var strict = candidates.TakeWhile(l => Missed(l) == 0).DefaultIfEmpty(0).Last();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gate {gate:0.00}; thresholds {string.Join(" / ", thresholds.Select(t => t.ToString("0.0000", CultureInfo.InvariantCulture)))}; occluded faces flagged by the gated pipeline: {caught.Count}; "
            + $"highest level missing none: {strict:0.0000}; missing at most {maxMissed:P1} ({allowed}): {chosen:0.0000}"));
        foreach (var level in levels.Prepend(0).Append(strict).Append(chosen).Distinct().Order())
        {
            var scores = Cascade(level);
            var changed = faces.Sum(i => heads.Select((_, h) => scores[i][h] > thresholds[h] != oof[1][i][h] > thresholds[h] ? 1 : 0).Sum());
            var falseOcclusion = (double)ordinaryRows.Count(i => heads.Select((_, h) => scores[i][h] > thresholds[h]).Any(f => f)) / ordinaryRows.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"level {level:0.0000}: key points skipped {Skipped(training, faces, firstLook, level)}; occluded missed {Missed(level)}/{caught.Count}; decisions changed vs gated {changed}; frontal ordinary flagged {falseOcclusion:P2}; ")
                + string.Join("  ", heads.Select((a, h) =>
                {
                    var f = AttributeFigures.At(a.ToString(), thresholds[h], OcclusionTrainer.Scored(training, scores, h), []);
                    return string.Create(CultureInfo.InvariantCulture, $"{a} F1 {f.F1:0.000} (P {f.Precision:0.000} R {f.Recall:0.000})");
                })));
        }
    }

    private static string Skipped(IReadOnlyList<FaceSample> training, List<int> faces, double[] firstLook, double level)
    {
        string Of(Func<AttributeSample, bool> group)
        {
            var rows = faces.Where(i => group(training[i].Sample)).ToList();
            return $"{rows.Count(i => firstLook[i] < level)}/{rows.Count}";
        }
        return $"bare {Of(s => s.Mask != true && s.Sunglasses != true && s.Hair != true)} (ordinary {Of(s => s.Ordinary)}), "
            + $"occluded {Of(s => s.Mask == true || s.Sunglasses == true || s.Hair == true)} (mask {Of(s => s.Mask == true)}, sunglasses {Of(s => s.Sunglasses == true)}, hair {Of(s => s.Hair == true)})";
    }
}
