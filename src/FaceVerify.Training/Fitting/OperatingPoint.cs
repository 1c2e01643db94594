namespace FaceVerify.Cli.Training;

/// <summary>Precision, recall and F1 of one attribute at one threshold (score above the threshold = flagged).</summary>
internal sealed record AttributeFigures(string Attribute, double Threshold, int Positives, int Negatives, int TruePositives, int FalsePositives,
    double Precision, double Recall, double F1, double OrdinaryFlaggedRate)
{
    public static AttributeFigures At(string attribute, double threshold, IReadOnlyList<(double Score, bool Positive)> scored, IReadOnlyList<double> ordinary)
    {
        var tp = scored.Count(s => s.Positive && s.Score > threshold);
        var fp = scored.Count(s => !s.Positive && s.Score > threshold);
        var pos = scored.Count(s => s.Positive);
        var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var recall = pos == 0 ? 0 : (double)tp / pos;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var flagged = ordinary.Count == 0 ? 0 : (double)ordinary.Count(s => s > threshold) / ordinary.Count;
        return new AttributeFigures(attribute, threshold, pos, scored.Count - pos, tp, fp, precision, recall, f1, flagged);
    }
}

/// <summary>
/// Picks a head's threshold from out-of-fold scores: among thresholds that flag at most <c>maxOrdinaryRate</c> of
/// the ordinary faces, the lowest whose F1 is within <c>f1Tolerance</c> of the best, in the middle of its run of equal
/// counts so it is not on a knife edge. The F1 curves are flat near their top (mask v3: 0.95–0.96 from 0.55 to 0.75), so
/// the exact best is noise; below it the rule leans to recall, because a missed covering lets a covered face through
/// while a false flag costs one retake.
/// </summary>
internal static class OperatingPoint
{
    public static double Choose(IReadOnlyList<(double Score, bool Positive)> scored, IReadOnlyList<double> ordinary, double maxOrdinaryRate, double f1Tolerance = 0)
    {
        var candidates = scored.Select(s => s.Score).Concat(ordinary).Append(0.5).Distinct().Order().ToList();
        var allowed = candidates.Select(t => (Threshold: t, Figures: AttributeFigures.At("", t, scored, ordinary)))
            .Where(c => c.Figures.OrdinaryFlaggedRate <= maxOrdinaryRate).ToList();
        if (allowed.Count == 0) return candidates[^1];
        var best = allowed.Max(c => c.Figures.F1);
        var low = allowed.First(c => c.Figures.F1 >= best - f1Tolerance - 1e-12).Threshold;
        // Every threshold from that one up to (not including) the next candidate gives the same counts:
        // take the middle of that run, not of the whole plateau, which may hide a worse threshold inside it.
        var high = candidates.FirstOrDefault(c => c > low, Math.Min(1, low + 0.01));
        return Math.Round((low + high) / 2, 4);
    }
}
