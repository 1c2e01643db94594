namespace FaceVerify.Cli.Liveness;

/// <summary>
/// The splits that measure generalisation: leave one source (capture setting) out, and inside a training run
/// k folds that hold whole people, drawn per source with the seed. A person never sits on both sides of a fold,
/// and the held-out source contributes nothing to the training side (nor to its operating point).
/// </summary>
internal static class LivenessSplits
{
    /// <summary>Fold (0..k−1) of each entry: each source's people shuffled with the seed and dealt round-robin from a random start.</summary>
    public static int[] PersonFolds(IReadOnlyList<LivenessEntry> entries, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in entries.Select(e => e.Source).Distinct().Order(StringComparer.Ordinal))
        {
            var people = entries.Where(e => e.Source == source).Select(e => e.Person).Distinct().Order(StringComparer.Ordinal).ToArray();
            random.Shuffle(people);
            var start = random.Next(folds);
            for (var i = 0; i < people.Length; i++) fold[Key(source, people[i])] = (start + i) % folds;
        }
        return entries.Select(e => fold[Key(e.Source, e.Person)]).ToArray();
    }

    /// <summary>
    /// The pictures kept out of the shipped head for the real-data tests: a seeded fifth of the people of every
    /// source with five or more people (CelebA-Spoof names nobody: a fifth of its pictures). Single-person sources
    /// stay whole in training; leave-one-source-out measures them.
    /// </summary>
    public static bool[] TestSubset(IReadOnlyList<LivenessEntry> entries, int seed)
    {
        var random = new Random(seed);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in entries.Select(e => e.Source).Distinct().Order(StringComparer.Ordinal))
        {
            var people = entries.Where(e => e.Source == source).Select(e => e.Person).Distinct().Order(StringComparer.Ordinal).ToArray();
            if (people.Length < 5 || source == LivenessSources.Small) continue;
            random.Shuffle(people);
            foreach (var person in people.Take(people.Length / 5)) held.Add(Key(source, person));
        }
        return entries.Select(e => held.Contains(Key(e.Source, e.Person))).ToArray();
    }

    /// <summary>One fold per source (the small sample sets always train): out-of-fold scores then come from a head that never saw the picture's capture setting.</summary>
    public static int[] SourceFolds(IReadOnlyList<LivenessEntry> entries)
    {
        var sources = LivenessSources.HeldOutSources(entries);
        return entries.Select(e => e.Source == LivenessSources.Small ? -1 : sources.IndexOf(e.Source)).ToArray();
    }

    /// <summary>For each source that can be held out: the indices that train (every other source) and those that are scored.</summary>
    public static IEnumerable<(string HeldOut, int[] Train, int[] Test)> LeaveOneSourceOut(IReadOnlyList<LivenessEntry> entries)
    {
        foreach (var source in LivenessSources.HeldOutSources(entries))
        {
            var test = Enumerable.Range(0, entries.Count).Where(i => entries[i].Source == source).ToArray();
            var train = Enumerable.Range(0, entries.Count).Where(i => entries[i].Source != source).ToArray();
            yield return (source, train, test);
        }
    }

    private static string Key(string source, string person) => source + "|" + person;
}
