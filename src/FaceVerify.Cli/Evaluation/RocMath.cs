namespace FaceVerify.Cli.Evaluation;

/// <summary>Verification figures from genuine and impostor scores; a score of null (no face) is a reject.</summary>
internal static class RocMath
{
    /// <summary>The lowest threshold at which at most <paramref name="far"/> of impostors are accepted (score ≥ threshold).</summary>
    public static double ThresholdAtFar(IReadOnlyList<double> impostors, double far) =>
        ThresholdAtFarSorted(impostors.OrderByDescending(s => s).ToArray(), far);

    /// <summary><see cref="ThresholdAtFar"/> on scores already sorted highest first, for callers reading several FARs off one sort.</summary>
    public static double ThresholdAtFarSorted(IReadOnlyList<double> descending, double far)
    {
        var allowed = (int)Math.Floor(far * descending.Count);
        if (descending.Count == 0) return 1;
        // Accept strictly above the first impostor that would exceed the allowance.
        return allowed >= descending.Count ? double.NegativeInfinity : Math.BitIncrement(descending[allowed]);
    }

    public static double AcceptRate(IEnumerable<double> scores, double threshold)
    {
        var list = scores as IReadOnlyCollection<double> ?? scores.ToList();
        return list.Count == 0 ? 0 : list.Count(s => s >= threshold) / (double)list.Count;
    }

    public static double EqualErrorRate(IReadOnlyList<double> genuine, IReadOnlyList<double> impostors)
    {
        var best = 1.0;
        var bestGap = double.MaxValue;
        foreach (var t in genuine.Concat(impostors).Distinct().Order())
        {
            var frr = 1 - AcceptRate(genuine, t);
            var far = AcceptRate(impostors, t);
            var gap = Math.Abs(frr - far);
            if (gap < bestGap) { bestGap = gap; best = (frr + far) / 2; }
        }
        return best;
    }
}
