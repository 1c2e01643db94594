using FaceVerify.Cli.Evaluation;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Challenge;

/// <summary>A turned face of the impostor side (one AFLW crop = one person) with its readings.</summary>
internal sealed record TurnedProbe(string File, string Class, ChallengeFrame Frame, float[] Embedding);

/// <summary>A frontal reference picture (the ID photo's stand-in) of one person of one group.</summary>
internal sealed record FrontalReference(string Group, string Person, ChallengeFrame Frame, float[] Embedding);

/// <summary>One reference group's impostor figures against the turned faces.</summary>
/// <param name="PeoplePairs">Turned faces × distinct reference people: a group places FAR x only with at least 1/x of them.</param>
internal sealed record TurnedGroupFigure(string Group, int Faces, int People, int Pictures, long Pairs, long PeoplePairs,
    double ThresholdFar1e3, double ThresholdFar1e4, double FarAtDefault, long AcceptedAtDefault);

/// <summary>
/// The identity threshold of turned frames: impostor pairs are turned faces against frontal pictures of other people, per
/// reference group; the threshold at a false-accept rate is the highest among the groups that can place it (the matching
/// rule of issue 19: the worst group, with at least 1/FAR pairs of different people).
/// </summary>
internal static class TurnedMatchCalibration
{
    /// <summary>Similarity of every turned face (rows) to every picture of the group (columns).</summary>
    public static Dictionary<string, double[][]> Scores(IReadOnlyList<TurnedProbe> probes, IReadOnlyList<FrontalReference> references) =>
        references.GroupBy(r => r.Group).ToDictionary(g => g.Key, g =>
        {
            var pictures = g.ToList();
            return probes.Select(p => pictures.Select(r => Similarity.Cosine(p.Embedding, r.Embedding)).ToArray()).ToArray();
        });

    public static TurnedGroupFigure Figure(string group, double[][] rows, int people, double threshold)
    {
        var all = rows.SelectMany(r => r).OrderByDescending(s => s).ToArray();
        var accepted = all.LongCount(s => s >= threshold);
        return new TurnedGroupFigure(group, rows.Length, people, rows.Length == 0 ? 0 : rows[0].Length, all.Length, (long)rows.Length * people,
            Math.Round(RocMath.ThresholdAtFarSorted(all, 1e-3), 4), Math.Round(RocMath.ThresholdAtFarSorted(all, 1e-4), 4),
            all.Length == 0 ? double.NaN : Math.Round((double)accepted / all.Length, 5), accepted);
    }

    /// <summary>The threshold at <paramref name="far"/> of the worst group that can place it; NaN when none can.</summary>
    public static double WorstThreshold(IReadOnlyDictionary<string, double[][]> scores, IReadOnlyDictionary<string, int> people, double far, IReadOnlyList<int>? rows = null)
    {
        var worst = double.NaN;
        foreach (var (group, byProbe) in scores)
        {
            var chosen = rows ?? Enumerable.Range(0, byProbe.Length).ToList();
            if ((long)chosen.Count * people[group] < Math.Ceiling(1 / far)) continue;
            var all = chosen.SelectMany(i => byProbe[i]).OrderByDescending(s => s).ToArray();
            var t = RocMath.ThresholdAtFarSorted(all, far);
            if (double.IsNaN(worst) || t > worst) worst = t;
        }
        return Math.Round(worst, 4);
    }

    /// <summary>The worst-group threshold over turned faces drawn with replacement (the faces, not the pairs, are the scarce draw): p5, p50, p95.</summary>
    public static (double P05, double P50, double P95) Bootstrap(IReadOnlyDictionary<string, double[][]> scores, IReadOnlyDictionary<string, int> people, double far, int probes, int draws, int seed)
    {
        var random = new Random(seed);
        var thresholds = Enumerable.Range(0, draws).Select(_ => WorstThreshold(scores, people, far, Enumerable.Range(0, probes).Select(_ => random.Next(probes)).ToList()))
            .Where(t => !double.IsNaN(t)).Order().ToList();
        double P(double q) => thresholds.Count == 0 ? double.NaN : thresholds[(int)Math.Min(thresholds.Count - 1, Math.Floor(q * thresholds.Count))];
        return (P(0.05), P(0.5), P(0.95));
    }

    /// <summary>The accepted share of impostor pairs of the given turned faces at <paramref name="threshold"/>.</summary>
    public static (long Accepted, long Pairs) Accepted(double[][] byProbe, IEnumerable<int> rows, double threshold)
    {
        long accepted = 0, pairs = 0;
        foreach (var i in rows)
        {
            pairs += byProbe[i].Length;
            accepted += byProbe[i].Count(s => s >= threshold);
        }
        return (accepted, pairs);
    }

    /// <summary>A seeded half of the turned faces by file name (the faces that choose in the split-half check).</summary>
    public static bool IsFitProbe(string file, int seed) =>
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{seed}:turned:{Path.GetFileName(file)}"))[0] % 2 == 0;
}
