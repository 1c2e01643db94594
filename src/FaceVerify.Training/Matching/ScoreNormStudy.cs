using FaceVerify.Cli.Evaluation;

namespace FaceVerify.Cli.Training;

/// <summary>
/// One way of scoring a pair: the raw cosine (no statistics), or the symmetric normalised score with side statistics
/// fitted on a cohort of calibration pictures (<see cref="InCohort"/> says which groups lend their pictures).
/// </summary>
internal sealed record NormCandidate(string Name, Func<IReadOnlyList<(float[] Vector, string Group)>, IImpostorStatistics>? Fit, Func<MatchImage, bool> InCohort)
{
    public override string ToString() => Name;
}

/// <summary>
/// Score normalisation on the East Asian CALIBRATION people, k folds by person: each fold's pictures get side
/// statistics fitted on the other folds' pictures only, pairs are formed only inside a fold and a group. The
/// out-of-fold scores place the threshold (the normalised scale is new, so no other threshold exists).
/// </summary>
internal static class ScoreNormStudy
{
    private static readonly (double Mean, double Sd) Unit = (0, 1);

    public static SortedDictionary<string, GroupScores> OutOfFold(NormCandidate candidate, IReadOnlyList<MatchImage> calibration,
        Func<string, float[]?> plain, int folds, int seed)
    {
        var foldOf = GroupFolds.Assign(calibration.Select(i => i.Identity).ToList(), folds, seed);
        var carried = new Dictionary<string, float[]?>(StringComparer.Ordinal);
        for (var k = 0; k < folds; k++)
        {
            var fold = k;
            var cohort = Cohort(calibration.Where((img, i) => foldOf[i] != fold && candidate.InCohort(img)), plain);
            var stats = candidate.Fit?.Invoke(cohort);
            foreach (var file in calibration.Where((_, i) => foldOf[i] == fold).Select(i => i.File).Distinct())
                carried[file] = Carry(plain(file), stats);
        }
        return MatchAdaptationStudy.InsideFolds(calibration, foldOf, f => carried[f], NormalisedScore.Symmetric);
    }

    /// <summary>Statistics fitted on all calibration pictures of the cohort: what would ship.</summary>
    public static IImpostorStatistics? FitAll(NormCandidate candidate, IReadOnlyList<MatchImage> calibration, Func<string, float[]?> plain) =>
        candidate.Fit?.Invoke(Cohort(calibration.Where(candidate.InCohort), plain));

    private static List<(float[] Vector, string Group)> Cohort(IEnumerable<MatchImage> images, Func<string, float[]?> plain) =>
        images.Select(i => (Vector: plain(i.File), i.Group)).Where(x => x.Vector is not null).Select(x => (x.Vector!, x.Group)).ToList();

    /// <summary>
    /// Weights giving every source the same total say (the web portraits would otherwise be 70% of the cohort);
    /// <paramref name="share"/> below 1 mixes that with equal weight per picture: (1 − share)/N + share/(S·Nₛ).
    /// </summary>
    public static double[] PerGroupWeights(IReadOnlyList<(float[] Vector, string Group)> cohort, double share = 1)
    {
        var counts = cohort.GroupBy(c => c.Group).ToDictionary(g => g.Key, g => g.Count());
        return cohort.Select(c => (1 - share) / cohort.Count + share / (counts.Count * (double)counts[c.Group])).ToArray();
    }

    public static float[]? Carry(float[]? embedding, IImpostorStatistics? stats) =>
        embedding is null ? null : NormalisedScore.Carry(embedding, stats?.Of(embedding) ?? Unit);

    /// <summary>TAR and FAR at a threshold over every pair of a large labelled set (LFW folds 1–6: 10 M pairs), without per-person bookkeeping.</summary>
    public static (long Genuine, long Impostors, double Tar, double Far) AllPairs(IReadOnlyList<(string File, string Identity)> images,
        Func<string, float[]?> vectors, double threshold)
    {
        var v = images.Select(i => vectors(i.File)).ToArray();
        long genuine = 0, accepted = 0, impostors = 0, falseAccepts = 0;
        var gate = new object();
        Parallel.For(0, images.Count, () => (0L, 0L, 0L, 0L), (i, _, local) =>
        {
            var (g, a, n, f) = local;
            for (var j = i + 1; j < images.Count; j++)
            {
                var same = images[i].Identity == images[j].Identity;
                if (v[i] is not { } x || v[j] is not { } y) { if (same) g++; continue; }
                var accept = NormalisedScore.Symmetric(x, y) >= threshold;
                if (same) { g++; if (accept) a++; }
                else { n++; if (accept) f++; }
            }
            return (g, a, n, f);
        }, local => { lock (gate) { genuine += local.Item1; accepted += local.Item2; impostors += local.Item3; falseAccepts += local.Item4; } });
        return (genuine, impostors, accepted / (double)Math.Max(1, genuine), falseAccepts / (double)Math.Max(1, impostors));
    }
}
