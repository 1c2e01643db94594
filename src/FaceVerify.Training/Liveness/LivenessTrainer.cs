using FaceVerify.Core.Liveness;

namespace FaceVerify.Cli.Liveness;

/// <summary>
/// Fits the fusion, folds by person, and picks operating points. Sample weights balance the sets: each
/// (set, live/attack) group of ten or more pictures weighs as much as 40 pictures, so CelebA-Spoof's 300
/// web photos do not drown the 23 MSU-MFSD people filmed with the exam-like camera.
/// </summary>
internal sealed class LivenessTrainer(double l2, int folds, int seed, double msuWeight = 1)
{
    private const double GroupWeight = 40;

    /// <summary>
    /// Attack families, each with its own live-versus-family regression against every live picture: prints
    /// photographed flat (CelebA-Spoof), prints held up to the camera in a room (MSU-MFSD, Silent-Face), and
    /// screens. The two print families disagree on which cues matter, so one regression cannot serve both
    /// (measured: MSU-MFSD train-split out-of-fold print APCER 55% with one print family, 18% with two).
    /// </summary>
    public static readonly (string Name, string[] Attacks, string[]? Sets)[] Families =
    [
        ("print-photographed", ["print"], [LivenessTrainingSet.Celeba]),
        ("print-held-up", ["print"], [LivenessTrainingSet.Msu, LivenessTrainingSet.Minivision]),
        ("screen", ["replay_phone", "replay_tablet", "replay_screen"], null),
    ];

    public LivenessFusionWeights Fit(IReadOnlyList<LivenessSample> samples) => new()
    {
        Version = 1,
        Features = LivenessFeatures.Names,
        Families = Families.Select(f => FitFamily(f.Name, f.Attacks, samples.Where(s => s.Live || (f.Attacks.Contains(s.Attack) && (f.Sets is null || f.Sets.Contains(s.Dataset)))).ToList())).ToArray(),
    };

    private AttackFamilyWeights FitFamily(string name, string[] attacks, List<LivenessSample> samples)
    {
        var counts = samples.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        var weights = samples.Select(s => (counts[Key(s)] >= 10 ? GroupWeight / counts[Key(s)] : 1.0) * (s.Dataset == LivenessTrainingSet.Msu ? msuWeight : 1)).ToList();
        var m = LogisticRegression.Fit(samples.Select(s => s.Features).ToList(), samples.Select(s => s.Live ? 1 : 0).ToList(), weights, l2);
        return new AttackFamilyWeights
        {
            Name = name, Attacks = attacks,
            Mean = m.Mean.Select(Round).ToArray(), Scale = m.Scale.Select(Round).ToArray(),
            Coefficients = m.Coefficients.Select(Round).ToArray(), Intercept = Round(m.Intercept),
        };
    }

    private static double Round(double v) => Math.Round(v, 6);

    /// <summary>Out-of-fold fused log-odds of every sample: folds hold whole people, drawn per set with the seed.</summary>
    public double[] OutOfFold(IReadOnlyList<LivenessSample> samples)
    {
        var fold = FoldOfPerson(samples);
        var scores = new double[samples.Count];
        for (var k = 0; k < folds; k++)
        {
            var train = samples.Where(s => fold[s.Person] != k).ToList();
            if (train.Count == samples.Count) continue;
            var model = Fit(train);
            for (var i = 0; i < samples.Count; i++)
                if (fold[samples[i].Person] == k) scores[i] = model.Logit(samples[i].Features);
        }
        return scores;
    }

    private Dictionary<string, int> FoldOfPerson(IReadOnlyList<LivenessSample> samples)
    {
        var random = new Random(seed);
        var fold = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in samples.Select(s => s.Dataset).Distinct().Order(StringComparer.Ordinal))
        {
            var people = samples.Where(s => s.Dataset == set).Select(s => s.Person).Distinct().Order(StringComparer.Ordinal).ToArray();
            random.Shuffle(people);
            var start = random.Next(folds);
            for (var i = 0; i < people.Length; i++) fold[people[i]] = (start + i) % folds;
        }
        return fold;
    }

    /// <summary>
    /// The highest threshold at which every set with ten or more live pictures refuses at most
    /// <paramref name="bpcer"/> of them (score ≥ threshold is live).
    /// </summary>
    public static double ThresholdAtBpcer(IReadOnlyList<LivenessSample> samples, IReadOnlyList<double> scores, double bpcer)
    {
        var threshold = double.PositiveInfinity;
        foreach (var set in samples.Select(s => s.Dataset).Distinct())
        {
            var live = samples.Select((s, i) => (s, score: scores[i])).Where(t => t.s.Live && t.s.Dataset == set).Select(t => t.score).Order().ToArray();
            if (live.Length < 10) continue;
            threshold = Math.Min(threshold, live[(int)Math.Floor(bpcer * live.Length)]);
        }
        return threshold;
    }

    private static string Key(LivenessSample s) => $"{s.Dataset}|{s.Live}";
}
