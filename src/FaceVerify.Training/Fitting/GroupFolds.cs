namespace FaceVerify.Cli.Training;

/// <summary>k folds over groups (people, scrape batches, hair donors): a group never sits on both sides of a split.</summary>
internal static class GroupFolds
{
    public static int[] Assign(IReadOnlyList<string> groups, int k, int seed)
    {
        var random = new Random(seed);
        var order = groups.Distinct(StringComparer.Ordinal).OrderBy(g => g, StringComparer.Ordinal).OrderBy(_ => random.Next()).ToList();
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++) foldOf[order[i]] = i % k;
        return groups.Select(g => foldOf[g]).ToArray();
    }
}
