using FaceVerify.Cli.Commands;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Training;

/// <summary>One way of making the matching embedding: how a picture's vectors are combined, and the linear map on top.</summary>
internal sealed record AdaptationCandidate(EmbeddingVariant Variant, AdaptationKind? Kind, double Shrinkage)
{
    public override string ToString() => Kind is null ? $"{Variant}" : $"{Variant}+{Kind}({Shrinkage:0.00})";
}

/// <summary>Out-of-fold figures of one candidate over the calibration people: per group TAR at the group's own FAR-0.1% point and at the worst group's.</summary>
internal sealed record CandidateFigures(AdaptationCandidate Candidate, IReadOnlyList<GroupFigure> Groups, string WorstGroup, double WorstThreshold)
{
    public double TarAtWorst(string group) => Groups.Single(g => g.Group == group).TarAtThreshold;

    /// <summary>TAR at the group's own FAR-0.1% point, out of fold.</summary>
    public double TarAtOwnPoint(string group) => Groups.Single(g => g.Group == group).Points[0].Tar;

    /// <summary>All genuine pairs of all groups accepted at the worst group's threshold.</summary>
    public double PooledTarAtWorst => Groups.Sum(g => g.TarAtThreshold * g.GenuinePairs) / Math.Max(1, Groups.Sum(g => g.GenuinePairs));
}

/// <summary>
/// Compares embedding variants and linear adaptations on the East Asian CALIBRATION people only, k folds by person:
/// each fold's people are scored with a map fitted on the other folds' people, and only pairs inside a fold and a
/// group are formed. The evaluation people are never read here.
/// </summary>
internal static class MatchAdaptationStudy
{
    public static CandidateFigures Evaluate(AdaptationCandidate candidate, IReadOnlyList<MatchImage> calibration,
        IReadOnlyDictionary<string, MatchVectors?> vectors, int folds, int seed)
    {
        var people = calibration.Select(i => i.Identity).ToList();
        var foldOf = GroupFolds.Assign(people, folds, seed);
        var outOfFold = new Dictionary<string, float[]?>(StringComparer.Ordinal);
        for (var k = 0; k < folds; k++)
        {
            var train = calibration.Where((_, i) => foldOf[i] != k && vectors[calibration[i].File] is not null)
                .Select(i => (vectors[i.File]!.Of(candidate.Variant), i.Identity)).ToList();
            var map = candidate.Kind is { } kind ? Adaptation(train, kind, candidate.Shrinkage) : null;
            for (var i = 0; i < calibration.Count; i++)
                if (foldOf[i] == k)
                    outOfFold[calibration[i].File] = vectors[calibration[i].File]?.Of(candidate.Variant) is { } v ? map?.Apply(v) ?? v : null;
        }
        var byFold = InsideFolds(calibration, foldOf, file => outOfFold[file]);
        var figures = GroupedMatch.Figures(byFold, threshold: 1);
        var (worstGroup, worst) = GroupScores.Worst(figures, GroupedMatch.Fars[0]);
        var atWorst = GroupedMatch.Figures(byFold, worst);
        return new CandidateFigures(candidate, atWorst, worstGroup, worst);
    }

    /// <summary>Pairs only inside a fold (both sides scored with what was fitted without that fold), then pooled per group.</summary>
    public static SortedDictionary<string, GroupScores> InsideFolds(IReadOnlyList<MatchImage> images, int[] foldOf,
        Func<string, float[]?> vectors, Func<float[], float[], double>? score = null)
    {
        var groupOf = images.ToDictionary(i => i.File, i => i.Group);
        var foldOfFile = images.Select((img, i) => (img.File, foldOf[i])).ToDictionary(x => x.File, x => x.Item2);
        var perFold = GroupedScores.FromLabels(images.Select(i => (i.File, i.Identity)).ToList(),
            (file, _) => $"{groupOf[file]}|{foldOfFile[file]}", vectors, score);
        var byFold = new SortedDictionary<string, GroupScores>(StringComparer.Ordinal);
        foreach (var (key, scores) in perFold)
        {
            var group = key[..key.LastIndexOf('|')];
            if (!byFold.TryGetValue(group, out var pooled)) byFold[group] = pooled = new GroupScores();
            pooled.Add(scores);
        }
        return byFold;
    }

    public static EmbeddingAdaptation Adaptation(IReadOnlyList<(float[] Vector, string Identity)> train, AdaptationKind kind, double shrinkage)
    {
        var (mean, matrix) = LinearAdaptationFit.Fit(train, kind, shrinkage);
        return new EmbeddingAdaptation(mean, matrix);
    }
}
