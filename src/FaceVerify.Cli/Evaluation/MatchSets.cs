using System.Text.RegularExpressions;

namespace FaceVerify.Cli.Evaluation;

/// <summary>One picture of the fairness sets: who it shows, the group it is measured in, and whether its person is used to choose thresholds.</summary>
internal sealed record MatchImage(string File, string Identity, string Group, string Split);

/// <summary>
/// The labelled face sets of issue 19, read from shared/data at run time (never copied): East Asian people from
/// four sources plus NUAA's live webcam frames, and LFW folds 1–6 as the control. East Asian people are split in
/// two BY PERSON with a seeded hash: <c>calibration</c> people choose thresholds, <c>evaluation</c> people are only
/// ever measured. LFW people of other origins are <c>control</c>.
/// </summary>
internal static partial class MatchSets
{
    public const int DefaultSeed = 20261129;
    public const string Calibration = "calibration", Evaluation = "evaluation", Control = "control";
    public const string AsianWeb = "asian_web", LfwEastAsian = "lfw_east_asian", LfwOther = "lfw_other",
        CasiaWebcam = "casia_webcam", RmfdCrops = "rmfd_crops", NuaaLive = "nuaa_live";

    public static List<MatchImage> Build(string root, int seed)
    {
        var people = new List<(string File, string Identity, string Group)>();
        foreach (var (file, identity) in LabelsCsv.ReadIdentities(Path.Combine(root, "identity/asian_faces_web/labels.csv")))
            people.Add((file, identity, AsianWeb));
        foreach (var (file, identity) in LabelsCsv.ReadIdentities(Path.Combine(root, "identity/casia_facev5_webcam/labels.csv")))
            people.Add((file, identity, CasiaWebcam));

        var eastAsianLfw = LabelsCsv.ReadRows(Path.Combine(root, "identity/lfw/east_asian_people.csv"), absoluteFiles: false)
            .Select(r => r["identity"]).ToHashSet(StringComparer.Ordinal);
        foreach (var (file, identity) in LabelsCsv.ReadIdentities(Path.Combine(root, "identity/lfw/labels.csv")))
            people.Add((file, identity, eastAsianLfw.Contains(identity) ? LfwEastAsian : LfwOther));

        var crops = Path.Combine(root, "occlusion/mask/chandrikadeb7/without_mask");
        foreach (var file in Directory.EnumerateFiles(crops, "0_0_*.jpg").Order(StringComparer.Ordinal))
            if (RmfdName().Match(Path.GetFileName(file)) is { Success: true } m) people.Add((file, m.Groups[1].Value, RmfdCrops));

        foreach (var row in LabelsCsv.ReadRows(Path.Combine(root, "replay/nuaa_print_frames/labels.csv")).Where(r => r["label"] == "live"))
            people.Add((row["file"], row["client"], NuaaLive));

        var splits = Split(people.Select(p => (p.Group, p.Identity)), seed);
        return people.Select(p => new MatchImage(p.File, $"{p.Group}:{p.Identity}", p.Group, splits[(p.Group, p.Identity)])).ToList();
    }

    /// <summary>
    /// In each East Asian group, people ordered by a seeded FNV-1a hash of group and name: the first half (rounded up)
    /// choose thresholds, the rest are kept for evaluation. Every picture of a person falls on the same side.
    /// </summary>
    public static Dictionary<(string Group, string Identity), string> Split(IEnumerable<(string Group, string Identity)> people, int seed)
    {
        var result = new Dictionary<(string, string), string>();
        foreach (var group in people.Distinct().GroupBy(p => p.Group))
        {
            var ordered = group.OrderBy(p => Fnv1a($"{seed}|{p.Group}|{p.Identity}")).ThenBy(p => p.Identity, StringComparer.Ordinal).ToList();
            var half = (ordered.Count + 1) / 2;
            for (var i = 0; i < ordered.Count; i++)
                result[ordered[i]] = group.Key == LfwOther ? Control : i < half ? Calibration : Evaluation;
        }
        return result;
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619u;
        return hash;
    }

    [GeneratedRegex(@"^0_0_([a-z]+)_\d+\.jpg$")]
    private static partial Regex RmfdName();
}
