namespace FaceVerify.Cli.Liveness;

/// <summary>APCER per attack type and BPCER of one set at one threshold (score ≥ threshold = live).</summary>
internal sealed record LivenessFigure(string Dataset, string Attack, int Count, double ErrorRate, string Kind);

internal static class LivenessFigures
{
    /// <summary>Per set: BPCER over its live pictures and APCER per attack type, plus the attack types pooled over sets.</summary>
    public static List<LivenessFigure> At(IReadOnlyList<LivenessSample> samples, IReadOnlyList<double> scores, double threshold)
    {
        var rows = samples.Select((s, i) => (s, score: scores[i])).ToList();
        var figures = new List<LivenessFigure>();
        foreach (var group in rows.GroupBy(r => (r.s.Dataset, r.s.Attack)).OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.Attack, StringComparer.Ordinal))
            figures.Add(Figure(group.Key.Dataset, group.Key.Attack, group.Select(g => (g.s.Live, g.score)).ToList(), threshold));
        foreach (var group in rows.GroupBy(r => r.s.Attack).OrderBy(g => g.Key, StringComparer.Ordinal))
            figures.Add(Figure("all", group.Key, group.Select(g => (g.s.Live, g.score)).ToList(), threshold));
        return figures;
    }

    private static LivenessFigure Figure(string dataset, string attack, List<(bool Live, double Score)> rows, double threshold)
    {
        var live = attack == "live";
        var errors = rows.Count(r => live ? r.Score < threshold : r.Score >= threshold);
        return new LivenessFigure(ShortName(dataset), attack, rows.Count, Math.Round((double)errors / rows.Count, 4), live ? "BPCER" : "APCER");
    }

    public static string ShortName(string dataset) => dataset == "all" ? "all" : Path.GetFileName(dataset);
}
