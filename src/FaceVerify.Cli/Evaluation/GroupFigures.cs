using System.Globalization;

namespace FaceVerify.Cli.Evaluation;

/// <summary>The match threshold at one target FAR inside a group, and the TAR it leaves.</summary>
internal sealed record GroupOperating(double Far, double Threshold, double Tar);

/// <summary>
/// Matching figures of one group: FAR and TAR at the policy threshold, the thresholds at the target FARs, and two
/// views of similar-looking impostors: FAR among the 1% most similar impostor pairs, and (with identities) the share of
/// people whose single most similar other person in the group would be accepted on at least one picture pair.
/// </summary>
internal sealed record GroupFigure(
    string Group, int People, int Images, int Failures, long GenuinePairs, long ImpostorPairs,
    double Threshold, double FarAtThreshold, double TarAtThreshold, IReadOnlyList<GroupOperating> Points,
    double HardestFarAtThreshold, double? LookAlikeAcceptedAtThreshold, long PersonPairs)
{
    /// <summary>
    /// Whether this group can place a threshold at <paramref name="far"/>: it needs at least 1/FAR pairs of different
    /// PEOPLE, because the picture pairs of one pair of people are near copies of each other (NUAA's 1,440 impostor
    /// pairs of 5 people are 10 comparisons, not 1,440). Without identities the picture pairs are counted.
    /// </summary>
    public bool CanPlace(double far) => (PersonPairs > 0 ? PersonPairs : ImpostorPairs) * far >= 1 - 1e-9;

    public string Describe() =>
        $"{Group}: {People} people ({PersonPairs} pairs of people), {Images} images ({Failures} without a face), {GenuinePairs} genuine / {ImpostorPairs} impostor pairs; " +
        $"at {Threshold:0.000}: FAR {FarAtThreshold:P3}, TAR {TarAtThreshold:P2}, FAR on the hardest 1% {HardestFarAtThreshold:P2}" +
        (LookAlikeAcceptedAtThreshold is { } l ? $", look-alike accepted {l:P1}" : "") + "; " +
        string.Join("; ", Points.Select(p => $"FAR {p.Far.ToString(CultureInfo.InvariantCulture)}: threshold {p.Threshold:0.0000} (TAR {p.Tar:P2})"));
}

/// <summary>Genuine and impostor scores of one group (a pair with a missing face scores −2 or −∞: always refused).</summary>
internal sealed class GroupScores
{
    public List<double> Genuine { get; } = [];
    public List<double> Impostors { get; } = [];
    public HashSet<string> People { get; } = new(StringComparer.Ordinal);
    public int Images { get; set; }
    public int Failures { get; set; }
    /// <summary>Per person, the highest impostor score against each other person (filled only from labelled images).</summary>
    public Dictionary<string, Dictionary<string, double>> Closest { get; } = new(StringComparer.Ordinal);

    /// <summary>Pools another set of scores of the same group (e.g. one fold's) into this one.</summary>
    public void Add(GroupScores other)
    {
        Genuine.AddRange(other.Genuine);
        Impostors.AddRange(other.Impostors);
        People.UnionWith(other.People);
        Images += other.Images;
        Failures += other.Failures;
        foreach (var (person, row) in other.Closest)
            foreach (var (against, score) in row) Keep(person, against, score);
    }

    public void AddImpostor(string? a, string? b, double score)
    {
        Impostors.Add(score);
        if (a is null || b is null) return;
        Keep(a, b, score);
        Keep(b, a, score);
    }

    private void Keep(string person, string other, double score)
    {
        if (!Closest.TryGetValue(person, out var row)) Closest[person] = row = new(StringComparer.Ordinal);
        if (!row.TryGetValue(other, out var best) || score > best) row[other] = score;
    }

    public GroupFigure Figure(string group, double threshold, IReadOnlyList<double> fars)
    {
        var sorted = Impostors.OrderByDescending(s => s).ToArray();
        var hardest = sorted.Take(Math.Max(1, sorted.Length / 100)).ToArray();
        var points = fars.Select(far =>
        {
            var t = RocMath.ThresholdAtFarSorted(sorted, far);
            return new GroupOperating(far, Math.Round(t, 4), Math.Round(RocMath.AcceptRate(Genuine, t), 4));
        }).ToList();
        // The substitute a candidate would pick: the other person of the group whose pictures come closest to theirs.
        double? lookAlike = Closest.Count == 0 ? null
            : Math.Round(Closest.Values.Count(row => row.Values.Max() >= threshold) / (double)Closest.Count, 4);
        return new GroupFigure(group, People.Count, Images, Failures, Genuine.Count, Impostors.Count, threshold,
            Math.Round(RocMath.AcceptRate(sorted, threshold), 6), Math.Round(RocMath.AcceptRate(Genuine, threshold), 4), points,
            Math.Round(RocMath.AcceptRate(hardest, threshold), 4), lookAlike, Closest.Values.Sum(row => (long)row.Count) / 2);
    }

    /// <summary>
    /// The highest threshold at <paramref name="far"/> among the groups that can place it (<see cref="GroupFigure.CanPlace"/>):
    /// the one that holds that FAR on the worst such group; ("", NaN) when none can.
    /// </summary>
    public static (string Group, double Threshold) Worst(IEnumerable<GroupFigure> figures, double far) =>
        figures.Where(f => f.CanPlace(far)).Select(f => (f.Group, f.Points.Single(p => p.Far == far).Threshold))
            .DefaultIfEmpty(("", double.NaN)).MaxBy(x => x.Item2);
}
