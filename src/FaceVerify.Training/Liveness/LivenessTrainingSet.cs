using FaceVerify.Cli.Evaluation;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;

namespace FaceVerify.Cli.Liveness;

/// <summary>One labelled picture: where it comes from, what it shows, whose face (for person-disjoint folds), its features.</summary>
internal sealed record LivenessSample(string Dataset, string File, bool Live, string Attack, string Person, string Split, double[] Features);

/// <summary>
/// The spoof and replay sets of the shared data, read from their labels.csv. Attack types: <c>print</c>,
/// <c>replay_phone</c>, <c>replay_tablet</c>, <c>replay_screen</c> (a screen of unknown size). Person is the
/// identity when the set names one (MSU-MFSD clients; the phone-replay crops are all one person); CelebA-Spoof
/// names nobody, so each of its pictures is its own group. Split: MSU-MFSD's own train/test lists; CelebA-Spoof
/// halved with the seed; the small sets always train.
/// </summary>
internal static class LivenessTrainingSet
{
    public const string Celeba = "spoof/celeba_spoof_sample";
    public const string Msu = "replay/msu_mfsd_frames";
    public const string PhoneCrops = "replay/pyimagesearch_style_phone_replay_crops";
    public const string Minivision = "spoof/minivision_samples";
    public const string Inspireface = "spoof/inspireface_samples";
    public static readonly string[] Sets = [Celeba, Msu, PhoneCrops, Minivision, Inspireface];

    internal sealed record Entry(string Dataset, string File, bool Live, string Attack, string Person, string Split);

    public static List<Entry> List(int seed)
    {
        var entries = new List<Entry>();
        foreach (var set in Sets)
        {
            var csv = SharedData.Path(Path.Combine(set, "labels.csv"));
            var rows = LabelsCsv.ReadRows(csv, absoluteFiles: false);
            var celebaTrain = set == Celeba ? LivenessDataSplit.TrainingHalf(rows.Select(r => (r["file"], r["label"])), seed) : [];
            foreach (var row in rows)
            {
                var file = Path.Combine(Path.GetDirectoryName(csv)!, row["file"]);
                var live = row["label"] == "real";
                var (attack, person, split) = set switch
                {
                    Msu => (live ? "live" : AttackOf(row["attack_type"]), row["client"], row["split"]),
                    Celeba => (live ? "live" : "print", $"celeba:{row["file"]}", celebaTrain.Contains(row["file"]) ? "train" : "test"),
                    PhoneCrops => (live ? "live" : "replay_phone", "phone-crops-author", "train"),
                    Minivision => (live ? "live" : row["file"].Contains("F1") ? "print" : "replay_tablet", "minivision", "train"),
                    _ => (live ? "live" : "replay_screen", "inspireface", "train"),
                };
                entries.Add(new Entry(set, file, live, attack, person, split));
            }
        }
        return entries;
    }

    /// <summary>Decodes each picture, scores its largest face with the passive model and measures the cues; pictures without a face are returned apart.</summary>
    public static (List<LivenessSample> Samples, List<Entry> NoFace) Measure(IReadOnlyList<Entry> entries, IImageDecoder decoder, IFaceDetector detector, PassiveLivenessScorer passive, CancellationToken ct)
    {
        var samples = new LivenessSample?[entries.Count];
        Parallel.For(0, entries.Count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, i =>
        {
            var e = entries[i];
            var decoded = decoder.Decode(File.ReadAllBytes(e.File), ct);
            if (decoded.Image?.Image is not { } image) return;
            var face = detector.Detect(image).OrderByDescending(d => d.Box.Area).FirstOrDefault();
            if (face is null) return;
            var features = LivenessFeatures.Of(image, face.Box, passive.Score(image, face.Box));
            samples[i] = new LivenessSample(e.Dataset, e.File, e.Live, e.Attack, e.Person, e.Split, features);
        });
        var found = samples.OfType<LivenessSample>().ToList();
        var missing = entries.Where((_, i) => samples[i] is null).ToList();
        return (found, missing);
    }

    internal static string AttackOf(string msuAttack) => msuAttack switch
    {
        "print_photo" => "print",
        "replay_iphone_video" => "replay_phone",
        "replay_ipad_video" => "replay_tablet",
        _ => msuAttack,
    };
}
