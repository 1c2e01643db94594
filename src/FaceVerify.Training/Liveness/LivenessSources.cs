using FaceVerify.Cli.Evaluation;

namespace FaceVerify.Cli.Liveness;

/// <summary>
/// One labelled picture of the liveness data. Source = one capture setting (camera, screen or printer, people):
/// the unit left out by leave-one-source-out. Person = whose face, for person-disjoint folds inside a source.
/// </summary>
internal sealed record LivenessEntry(string Source, string Dataset, string File, bool Live, string Attack, string Person);

/// <summary>
/// Every spoof, replay and live set of the shared data that liveness is trained and measured on (labels from each
/// set's labels.csv, see PROVENANCE.md). The screen-replay crops are three sources (one person, camera and screen
/// each); the two tiny sample sets (4 pictures) only ever train.
/// </summary>
internal static class LivenessSources
{
    public const string Small = "small-samples";

    private static readonly (string Dataset, string Source)[] Sets =
    [
        (LivenessTrainingSet.Msu, "msu_mfsd"),
        (LivenessTrainingSet.Celeba, "celeba_spoof"),
        ("replay/nuaa_print_frames", "nuaa"),
        ("replay/screen_replay_crops", "screen:"),
        (LivenessTrainingSet.PhoneCrops, "phone_replay_crops"),
        ("identity/casia_facev5_webcam", "casia_webcam"),
        (LivenessTrainingSet.Minivision, Small),
        (LivenessTrainingSet.Inspireface, Small),
    ];

    /// <summary>Sources that the leave-one-source-out table holds out one at a time (all but <see cref="Small"/>).</summary>
    public static List<string> HeldOutSources(IEnumerable<LivenessEntry> entries) =>
        entries.Select(e => e.Source).Where(s => s != Small).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Sources of tight face crops with little or no surroundings (the issue holds them to 20% APCER / 10% BPCER).</summary>
    public static bool IsTightCrop(string source) => source.StartsWith("screen:", StringComparison.Ordinal) || source is "phone_replay_crops" or "casia_webcam";

    public static List<LivenessEntry> List()
    {
        var entries = new List<LivenessEntry>();
        foreach (var (set, source) in Sets)
        {
            var csv = SharedData.Path(Path.Combine(set, "labels.csv"));
            foreach (var row in LabelsCsv.ReadRows(csv))
            {
                var label = row["label"];
                var file = row["file"];
                var live = label is "real" or "live" || set.StartsWith("identity/", StringComparison.Ordinal);
                var name = Path.GetFileName(file);
                var (src, attack, person) = set switch
                {
                    LivenessTrainingSet.Msu => (source, live ? "live" : LivenessTrainingSet.AttackOf(row["attack_type"]), row["client"]),
                    LivenessTrainingSet.Celeba => (source, live ? "live" : "print", $"celeba:{name}"),
                    "replay/nuaa_print_frames" => (source, live ? "live" : "print", row["client"]),
                    "replay/screen_replay_crops" => (source + row["client"], live ? "live" : "replay_screen", row["client"]),
                    LivenessTrainingSet.PhoneCrops => (source, live ? "live" : "replay_phone", "phone-crops-author"),
                    "identity/casia_facev5_webcam" => (source, "live", label),
                    LivenessTrainingSet.Minivision => (source, live ? "live" : name.Contains("F1") ? "print" : "replay_tablet", "minivision"),
                    _ => (source, live ? "live" : "replay_screen", "inspireface"),
                };
                entries.Add(new LivenessEntry(src, set, file, live, attack, person));
            }
        }
        return entries;
    }
}
