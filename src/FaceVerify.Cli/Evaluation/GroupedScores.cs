using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Evaluation;

/// <summary>Scores pictures pair by pair inside each group; pairs across groups are never formed (one person may sit in two sources).</summary>
internal static class GroupedScores
{
    /// <summary>
    /// Every within-group pair of a labelled set; pictures the groups do not name are left out. <paramref name="score"/>
    /// replaces the cosine (a normalised score reads statistics the vectors carry).
    /// </summary>
    public static SortedDictionary<string, GroupScores> FromLabels(
        IReadOnlyList<(string File, string Identity)> images, Func<string, string, string?> groupOf, Func<string, float[]?> embedding,
        Func<float[], float[], double>? score = null)
    {
        score ??= Similarity.Cosine;
        var groups = new SortedDictionary<string, GroupScores>(StringComparer.Ordinal);
        foreach (var byGroup in images.Select(i => (i.File, i.Identity, Group: groupOf(i.File, i.Identity))).Where(i => i.Group is not null).GroupBy(i => i.Group!))
        {
            var scores = groups[byGroup.Key] = new GroupScores();
            var all = byGroup.ToList();
            scores.Images = all.Count;
            foreach (var i in all) scores.People.Add(i.Identity);
            // A picture without a face counts as a refused genuine pair (TAR pays for it); its impostor pairs are left out.
            var vectors = all.Select(i => embedding(i.File)).ToArray();
            scores.Failures = vectors.Count(v => v is null);
            for (var i = 0; i < all.Count; i++)
                for (var j = i + 1; j < all.Count; j++)
                {
                    var s = vectors[i] is { } a && vectors[j] is { } b ? score(a, b) : double.NegativeInfinity;
                    if (all[i].Identity == all[j].Identity) scores.Genuine.Add(s);
                    else if (s > double.NegativeInfinity) scores.AddImpostor(all[i].Identity, all[j].Identity, s);
                }
        }
        return groups;
    }

    /// <summary>Listed pairs whose two pictures are in the same group.</summary>
    public static SortedDictionary<string, GroupScores> FromPairs(
        IReadOnlyList<(string A, string B, bool Same)> rows, Func<string, string?> groupOf, Func<string, float[]?> embedding)
    {
        var groups = new SortedDictionary<string, GroupScores>(StringComparer.Ordinal);
        var files = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (a, b, same) in rows)
        {
            if (groupOf(a) is not { } g || groupOf(b) != g) continue;
            if (!groups.TryGetValue(g, out var scores)) { groups[g] = scores = new GroupScores(); files[g] = new(StringComparer.Ordinal); }
            files[g].Add(a);
            files[g].Add(b);
            var s = embedding(a) is { } ea && embedding(b) is { } eb ? Similarity.Cosine(ea, eb) : -2;
            (same ? scores.Genuine : scores.Impostors).Add(s);
        }
        foreach (var (g, scores) in groups)
        {
            scores.Images = files[g].Count;
            scores.Failures = files[g].Count(f => embedding(f) is null);
        }
        return groups;
    }
}
