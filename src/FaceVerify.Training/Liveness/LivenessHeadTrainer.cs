using FaceVerify.Core.Liveness;

namespace FaceVerify.Cli.Liveness;

/// <summary>One picture as a head sees it: where it comes from, its input vector, the share of its 2.7× context outside the picture, and fusion v1's log-odds minus v1's default threshold.</summary>
/// <param name="V1PrintMargin">Fusion v1's print-photographed family (the flat-print cues) on the same inputs, minus v1's default threshold.</param>
internal sealed record HeadSample(LivenessEntry Entry, double[] X, double Missing = 0, double V1Margin = 0, double V1PrintMargin = 0);

/// <summary>A head to measure: its input, whether prints and screens get separate regressions, and its penalty.</summary>
/// <param name="FoldsBySource">Out-of-fold scores (for the operating point) from folds that each hold one whole training source, instead of folds of people.</param>
/// <summary>How the operating point is read off out-of-fold scores of the training cells (see <see cref="LivenessHeadTrainer"/>).</summary>
internal enum ThresholdRule { FewestMisses, WorstCell, MeanRatio, WorstCellsInTurn }

/// <param name="Rule">How the operating point is chosen on the training folds.</param>
/// <param name="Gate">When set: pictures with less missing context than this keep fusion v1 (fixed), the head scores only the others (faces that fill the frame) and its operating point is chosen on those.</param>
/// <param name="AddV1">Pictures the head scores get fusion v1's margin added to the head's (both log-odds margins): the head corrects v1 instead of replacing it.</param>
/// <param name="FitGatedOnly">The head is fitted on the pictures it will score (past the gate) only, not on every picture.</param>
/// <param name="PrintGuard">When set: on pictures the head scores, the log-odds is the lower of the head's and fusion v1's print-photographed family margin plus this shift (a conjunction: a flat print must pass v1's print cues too).</param>
internal sealed record HeadRecipe(string Name, LivenessInputLayout Layout, bool TwoFamilies, double L2, bool FoldsBySource = false, ThresholdRule Rule = ThresholdRule.FewestMisses, double? Gate = null, bool AddV1 = false,
    bool FitGatedOnly = false, double? PrintGuard = null, bool GuardOnMargin = false, MlpOptions? Mlp = null, CnnOptions? Cnn = null)
{
    /// <summary>The head's log-odds with the print guard applied (before the operating point); with <see cref="GuardOnMargin"/> a picture failing the guard is refused at any threshold.</summary>
    public double Guarded(HeadSample s, double headLogit) => PrintGuard is not { } k ? headLogit
        : GuardOnMargin ? (s.V1PrintMargin + k >= 0 ? headLogit : -1e9) : Math.Min(headLogit, s.V1PrintMargin + k);

    /// <summary>A held-out picture's margin over the head's threshold, the print guard applied as the scorer does.</summary>
    public double Margin(HeadSample s, double headLogit, double threshold) => PrintGuard is { } k && GuardOnMargin
        ? Math.Min(headLogit - threshold, s.V1PrintMargin + k) : Guarded(s, headLogit) - threshold;

    /// <summary>Whether the head (not fusion v1) scores this picture.</summary>
    public bool HeadScores(HeadSample s) => Gate is not { } g || s.Missing >= g;

    public double Threshold(IReadOnlyList<HeadSample> samples, IReadOnlyList<double> scores, double attackEmphasis = 1) => Rule switch
    {
        ThresholdRule.WorstCell => LivenessHeadTrainer.ThresholdWorstCell(samples, scores, attackEmphasis),
        ThresholdRule.MeanRatio => LivenessHeadTrainer.ThresholdMeanRatio(samples, scores, attackEmphasis),
        ThresholdRule.WorstCellsInTurn => LivenessHeadTrainer.ThresholdWorstCellsInTurn(samples, scores, attackEmphasis),
        _ => LivenessHeadTrainer.ThresholdFewestMisses(samples, scores, attackEmphasis),
    };
}

/// <summary>
/// Fits a liveness head: one weighted logistic regression per attack family against every live picture (the live
/// log-odds is the lowest, as in fusion v1). Sample weights balance the sources: each (source, live/attack) group
/// of ten or more pictures weighs as much as 40, so 300 CelebA web photos do not drown one webcam's 25 frames.
/// </summary>
internal sealed class LivenessHeadTrainer(HeadRecipe recipe, int folds, int seed)
{
    private const double GroupWeight = 40;
    private static readonly string[] Screens = ["replay_phone", "replay_tablet", "replay_screen"];

    public HeadRecipe Recipe => recipe;

    public AttackFamilyWeights[] Fit(IReadOnlyList<HeadSample> samples)
    {
        if (recipe.FitGatedOnly) samples = samples.Where(recipe.HeadScores).ToList();
        var families = Families();
        var result = new List<AttackFamilyWeights>();
        foreach (var (name, attacks) in families)
        {
            var members = samples.Where(s => s.Entry.Live || attacks.Contains(s.Entry.Attack)).ToList();
            if (members.All(s => s.Entry.Live)) continue;  // a family with no attack left in this training run
            var counts = members.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
            var weights = members.Select(s => counts[Key(s)] >= 10 ? GroupWeight / counts[Key(s)] : 1.0).ToList();
            var m = WeightedLogistic.Fit(members.Select(s => s.X).ToList(), members.Select(s => s.Entry.Live).ToList(), weights, recipe.L2);
            result.Add(new AttackFamilyWeights
            {
                Name = name, Attacks = attacks,
                Mean = m.Mean.Select(Round).ToArray(), Scale = m.Scale.Select(Round).ToArray(),
                Coefficients = m.Coefficients.Select(Round).ToArray(), Intercept = Round(m.Intercept),
            });
        }
        return [.. result];
    }

    /// <summary>The fitted head as a function from input vector to live log-odds: the logistic families, or with <see cref="HeadRecipe.Mlp"/> a small network (averaged over its seeded members), or with <see cref="HeadRecipe.Cnn"/> a CNN on the picture's crop planes.</summary>
    public Func<double[], double> FitScorer(IReadOnlyList<HeadSample> samples)
    {
        if (recipe.Cnn is { } cnn)
        {
            var (xs, targets, _) = NetworkTargets(samples);
            var net = TinyCnn.Fit(xs, targets, cnn, seed);
            return net.Logit;
        }
        if (recipe.Mlp is not { } options)
        {
            var model = Fit(samples);
            return x => model.Length == 0 ? 0 : Logit(model, x);
        }
        var networks = FitMlp(samples, options);
        return x => networks.Average(n => n.Logit(x));
    }

    /// <summary>The network head's members, fitted on the same pictures and weights as the logistic families (print and screen outputs, or one attack output).</summary>
    public MlpModel[] FitMlp(IReadOnlyList<HeadSample> samples, MlpOptions options)
    {
        var (x, targets, groups) = NetworkTargets(samples);
        return Enumerable.Range(0, options.Members).Select(k => MlpFit.Fit(x, targets, groups, options, seed + 7919 * k)).ToArray();
    }

    /// <summary>A network's training pictures, per family each picture's target and weight (weighted as the logistic families), and each picture's (source, live) group.</summary>
    private (List<double[]> X, List<(double? Target, double Weight)[]> Targets, int[] Groups) NetworkTargets(IReadOnlyList<HeadSample> samples)
    {
        if (recipe.FitGatedOnly) samples = samples.Where(recipe.HeadScores).ToList();
        var targets = new List<(double? Target, double Weight)[]>();
        foreach (var (_, attacks) in Families())
        {
            bool Member(HeadSample s) => s.Entry.Live || attacks.Contains(s.Entry.Attack);
            if (!samples.Any(s => !s.Entry.Live && Member(s))) continue;
            var counts = samples.Where(Member).GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
            targets.Add(samples.Select(s => Member(s) ? ((double?)(s.Entry.Live ? 1 : 0), counts[Key(s)] >= 10 ? GroupWeight / counts[Key(s)] : 1.0) : (null, 0)).ToArray());
        }
        var keys = samples.Select(Key).Distinct().Order(StringComparer.Ordinal).ToList();
        return (samples.Select(s => s.X).ToList(), targets, samples.Select(s => keys.IndexOf(Key(s))).ToArray());
    }

    private (string Name, string[] Attacks)[] Families() => recipe.TwoFamilies
        ? [("print", ["print"]), ("screen", Screens)]
        : [("attack", ["print", .. Screens])];

    public static double Logit(AttackFamilyWeights[] families, double[] x)
    {
        var lowest = double.PositiveInfinity;
        foreach (var f in families) lowest = Math.Min(lowest, f.Logit(x));
        return lowest;
    }

    /// <summary>Out-of-fold log-odds of every sample, folds holding whole people (<see cref="LivenessSplits.PersonFolds"/>).</summary>
    public double[] OutOfFold(IReadOnlyList<HeadSample> samples)
    {
        var entries = samples.Select(s => s.Entry).ToList();
        var fold = recipe.FoldsBySource ? LivenessSplits.SourceFolds(entries) : LivenessSplits.PersonFolds(entries, folds, seed);
        var scores = new double[samples.Count];
        for (var k = 0; k <= fold.Max(); k++)
        {
            var train = samples.Where((_, i) => fold[i] != k).ToList();
            if (train.Count == samples.Count) continue;
            var model = FitScorer(train);
            for (var i = 0; i < samples.Count; i++)
                if (fold[i] == k) scores[i] = model(samples[i].X);
        }
        return scores;
    }

    /// <summary>
    /// The log-odds threshold that leaves the fewest training cells above their bounds, then the smallest summed
    /// excess (error rate over bound, minus one): cells are every training source with ten or more live pictures
    /// (BPCER) and every (source, attack type) with ten or more attacks (APCER), on out-of-fold scores, bounds as in
    /// <see cref="LosoCell.Bound"/>. Making the worst cell as small as possible instead let one source no fold could
    /// learn (its live faces scored as attacks) drag the threshold to where every attack passes.
    /// </summary>
    /// <param name="attackEmphasis">Above 1 holds attacks to tighter bounds and live faces to looser ones (the strict policy).</param>
    public static double ThresholdFewestMisses(IReadOnlyList<HeadSample> samples, IReadOnlyList<double> scores, double attackEmphasis = 1)
    {
        var groups = Cells(samples, scores);
        (int Misses, double Excess) best = (int.MaxValue, double.PositiveInfinity);
        var bestThreshold = 0.0;
        foreach (var t in scores.Distinct().Order())
        {
            var misses = 0;
            var excess = 0.0;
            foreach (var g in groups)
            {
                var ratio = Ratio(g, t, attackEmphasis);
                if (ratio > 1 + 1e-9) { misses++; excess += ratio - 1; }
            }
            if (misses < best.Misses || (misses == best.Misses && excess < best.Excess - 1e-12)) { best = (misses, excess); bestThreshold = t; }
        }
        return bestThreshold;
    }

    /// <summary>The log-odds threshold that makes the largest ratio of a training cell's error rate to its bound as small as it can be (cells as in <see cref="ThresholdFewestMisses"/>).</summary>
    public static double ThresholdWorstCell(IReadOnlyList<HeadSample> samples, IReadOnlyList<double> scores, double attackEmphasis = 1) =>
        Minimising(samples, scores, attackEmphasis, ratios => ratios.Max());

    /// <summary>
    /// As <see cref="ThresholdWorstCell"/>, but ties are broken by the next-worst cell, then the one after (the ratios
    /// sorted from worst, compared in turn): when the worst cell is one no threshold can help (a training source whose
    /// live faces every fold scores as attacks), the plain rule took the lowest threshold of the tie and let attacks pass.
    /// </summary>
    public static double ThresholdWorstCellsInTurn(IReadOnlyList<HeadSample> samples, IReadOnlyList<double> scores, double attackEmphasis = 1)
    {
        var groups = Cells(samples, scores);
        double[]? best = null;
        var bestThreshold = 0.0;
        foreach (var t in scores.Distinct().Order())
        {
            var ratios = groups.Select(g => Ratio(g, t, attackEmphasis)).OrderDescending().ToArray();
            if (best is null || Before(ratios, best)) { best = ratios; bestThreshold = t; }
        }
        return bestThreshold;

        static bool Before(double[] a, double[] b)
        {
            for (var i = 0; i < a.Length; i++)
                if (Math.Abs(a[i] - b[i]) > 1e-12) return a[i] < b[i];
            return false;
        }
    }

    /// <summary>The log-odds threshold with the smallest mean ratio of a training cell's error rate to its bound: no single cell decides.</summary>
    public static double ThresholdMeanRatio(IReadOnlyList<HeadSample> samples, IReadOnlyList<double> scores, double attackEmphasis = 1) =>
        Minimising(samples, scores, attackEmphasis, ratios => ratios.Average());

    private static double Minimising(IReadOnlyList<HeadSample> samples, IReadOnlyList<double> scores, double attackEmphasis, Func<IEnumerable<double>, double> cost)
    {
        var groups = Cells(samples, scores);
        double best = double.PositiveInfinity, bestThreshold = 0;
        foreach (var t in scores.Distinct().Order())
        {
            var value = cost(groups.Select(g => Ratio(g, t, attackEmphasis)));
            if (value < best - 1e-12) { best = value; bestThreshold = t; }
        }
        return bestThreshold;
    }

    private static List<(bool Live, double Bound, double[] Scores)> Cells(IReadOnlyList<HeadSample> samples, IReadOnlyList<double> scores) =>
        samples.Select((s, i) => (s.Entry, Score: scores[i])).GroupBy(t => (t.Entry.Source, t.Entry.Attack))
            .Where(g => g.Count() >= 10).Select(g => (Live: g.Key.Attack == "live", Bound: new LosoCell(g.Key.Source, g.Key.Attack, 0, 0, 0).Bound, Scores: g.Select(t => t.Score).Order().ToArray())).ToList();

    /// <summary>A cell's error rate at threshold t over its bound (attacks held tighter by <paramref name="attackEmphasis"/>).</summary>
    private static double Ratio((bool Live, double Bound, double[] Scores) g, double t, double attackEmphasis)
    {
        var below = LowerBound(g.Scores, t);
        var rate = g.Live ? (double)below / g.Scores.Length : (double)(g.Scores.Length - below) / g.Scores.Length;
        return rate / (g.Bound * (g.Live ? attackEmphasis : 1 / attackEmphasis));
    }

    /// <summary>How many sorted values are below <paramref name="t"/>.</summary>
    private static int LowerBound(double[] sorted, double t)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { var mid = (lo + hi) / 2; if (sorted[mid] < t) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private static string Key(HeadSample s) => $"{s.Entry.Source}|{s.Entry.Live}";
    private static double Round(double v) => Math.Round(v, 6);
}
