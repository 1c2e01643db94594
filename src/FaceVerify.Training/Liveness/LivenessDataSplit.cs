namespace FaceVerify.Core.Liveness;

/// <summary>
/// The training/held-out split of a labelled set that names no people (CelebA-Spoof): half of each label's
/// files, drawn with the seed. Shared by <c>train-liveness</c> and the tests that check the held-out half.
/// </summary>
public static class LivenessDataSplit
{
    public const int DefaultSeed = 20261126;

    /// <summary>The training half: for each label, the files sorted by name, shuffled with the seed, first half kept.</summary>
    public static HashSet<string> TrainingHalf(IEnumerable<(string File, string Label)> rows, int seed)
    {
        var list = rows.ToList();
        var random = new Random(seed);
        var half = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in list.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal))
        {
            var files = list.Where(r => r.Label == label).Select(r => r.File).Order(StringComparer.Ordinal).ToArray();
            random.Shuffle(files);
            half.UnionWith(files.Take(files.Length / 2));
        }
        return half;
    }
}
