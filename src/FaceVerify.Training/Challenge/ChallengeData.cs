using System.Collections.Concurrent;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Faces;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Challenge;

/// <summary>
/// Builds the calibration sequences from the shared data and reads every frame once through the production pipeline
/// (detect, 68 landmarks, embedding, pose, eyes; no liveness or occlusion, which the challenge does not read).
/// </summary>
internal sealed class ChallengeData(IServiceProvider services, string root, int parallelism)
{
    private readonly IFaceAnalyzer _analyzer = services.GetRequiredService<IFaceAnalyzer>();
    private readonly IImageDecoder _decoder = services.GetRequiredService<IImageDecoder>();

    // The pose network reads every face here: the calibrations compare its yaw with the landmarks' (the pose cascade would
    // put the landmark reading in its place on frontal faces).
    private static readonly AnalysisScope Scope = AnalysisScope.Frame with { PoseCascade = false };

    public FaceReading? Read(RgbImage image, CancellationToken ct) =>
        _analyzer.Analyze(new DecodedImage(image, "synthetic", 0, ""), Scope, new StageClock(), ct).Primary;

    public RgbImage? Load(string file, CancellationToken ct) =>
        File.Exists(file) ? _decoder.Decode(File.ReadAllBytes(file), ct).Image?.Image : null;

    /// <summary>The subject's own side the head turned to, from the landmarks alone: the nose tip lies towards the turned side of the eye-corner midpoint, and a webcam frame is not mirrored.</summary>
    public static ChallengeStep? TurnSide(FaceReading? face)
    {
        if (face is null) return null;
        var p = face.Landmarks68;
        var offset = (p[30].X - (p[36].X + p[45].X) / 2) / Math.Max(1e-3, Math.Abs(p[45].X - p[36].X));
        return Math.Abs(offset) < 0.05 ? null : offset > 0 ? ChallengeStep.TurnLeft : ChallengeStep.TurnRight;
    }

    /// <summary>
    /// The side a render is turned to, from the file, not from a reading: every render (<c>-YY</c> in the name) shows the
    /// subject turned to their own right (nose towards the image left; checked by eye on subject 7, and the landmark reading
    /// agrees on every turned render), its mirrored copy to their left.
    /// </summary>
    public static ChallengeStep RenderSide(bool mirrored) => mirrored ? ChallengeStep.TurnLeft : ChallengeStep.TurnRight;

    /// <summary>
    /// The side each MEDS profile faces, checked by eye (facing the image left = turned to the subject's own right): the
    /// landmark model misplaces its points on the full profile S001-08-t10_02, so a reading cannot be the truth here.
    /// </summary>
    private static readonly Dictionary<string, ChallengeStep> MedsProfileSides = new(StringComparer.Ordinal)
    {
        ["S001-08-t10_02.jpg"] = ChallengeStep.TurnRight, ["S001-08-t10_03.jpg"] = ChallengeStep.TurnLeft,
        ["S027-01-t10_02.jpg"] = ChallengeStep.TurnRight, ["S027-01-t10_03.jpg"] = ChallengeStep.TurnLeft,
        ["S045-01-t10_02.jpg"] = ChallengeStep.TurnRight,
    };

    /// <summary>
    /// Renders: subjectN turned 22/40/55/75° to one side (the mirrored pictures give the other side); only subjects 1, 7 and 10
    /// have the frontal picture. Challenge sequences (those three): one turn (frontal → turned), one turn with a return frame, both
    /// turns (frontal → one side → the other). Every subject also gives "between views" pairs (one turned view → a view turned
    /// further, or to the other side): 3-D motion of one head, measured for the flat-motion threshold only.
    /// Subjects 1–5 choose the thresholds, 6–10 are held out.
    /// </summary>
    public async Task<(List<ChallengeSequence> Sequences, List<(FaceReading Face, ChallengeStep? Side, int Yaw)> Turned)> RendersAsync(CancellationToken ct)
    {
        var rows = LabelsCsv.ReadRows(Path.Combine(root, "pose/facepose_net_renders/labels.csv"));
        var read = await ReadAllAsync(rows.SelectMany(r => new[] { (r, false), (r, true) }).ToList(), x =>
        {
            var image = Load(x.r["file"], ct);
            return image is null ? null : x.Item2 ? ImageMirror.Flip(image) : image;
        }, ct);
        var sequences = new List<ChallengeSequence>();
        var turned = new List<(FaceReading, ChallengeStep?, int)>();
        foreach (var person in rows.GroupBy(r => r["identity"]))
        {
            var fit = int.Parse(person.Key["subject".Length..]) <= 5;
            FaceReading? Face(int yaw, bool mirrored) =>
                person.Where(r => int.Parse(r["yaw_deg"]) == yaw).Select(r => read[(r, mirrored)]).FirstOrDefault();
            var frontal = Face(0, false);
            var angles = person.Select(r => int.Parse(r["yaw_deg"])).Where(y => y > 0).Order().ToList();
            foreach (var a in angles)
                foreach (var mirrored in new[] { false, true })
                    if (Face(a, mirrored) is { } view) turned.Add((view, RenderSide(mirrored), a));
            foreach (var a in angles)
                foreach (var b in angles)
                {
                    if (Face(a, false) is not { } from) continue;
                    if (b > a && Face(b, false) is { } further) sequences.Add(new("renders", person.Key, fit, true, "between views", null, [from, further], b - a));
                    if (b >= a && Face(b, true) is { } across) sequences.Add(new("renders", person.Key, fit, true, "between views", null, [from, across], a + b));
                }
            foreach (var a in frontal is null ? [] : angles)
                foreach (var mirrored in new[] { false, true })
                {
                    var face = Face(a, mirrored);
                    if (face is null) continue;
                    var side = RenderSide(mirrored);
                    sequences.Add(new("renders", person.Key, fit, true, "one turn", [side], [frontal, face], a));
                    sequences.Add(new("renders", person.Key, fit, true, "turn and back", [side], [frontal, face, Face(0, mirrored)], a));
                    foreach (var b in angles)
                        if (!mirrored && Face(b, true) is { } other)
                            sequences.Add(new("renders", person.Key, fit, true, "both turns", [side, RenderSide(true)], [frontal, face, other], Math.Min(a, b)));
                }
        }
        return (sequences, turned);
    }

    /// <summary>MEDS: the frontal and profile pictures of one encounter (S001-08, S027-01, S045-01), all held out.</summary>
    public async Task<List<ChallengeSequence>> MedsAsync(CancellationToken ct)
    {
        var rows = LabelsCsv.ReadRows(Path.Combine(root, "id_photo/meds_mugshots_openmpf/labels.csv"));
        var profiles = rows.Where(r => r["label"] == "mugshot_non_frontal").ToList();
        var encounters = profiles.Select(r => (r["identity"], r["encounter"])).Distinct().ToList();
        var involved = rows.Where(r => encounters.Contains((r["identity"], r["encounter"]))).ToList();
        var read = await ReadAllAsync(involved, r => Load(r["file"], ct), ct);
        var sequences = new List<ChallengeSequence>();
        foreach (var (identity, encounter) in encounters)
        {
            var frontal = involved.Where(r => r["identity"] == identity && r["encounter"] == encounter && r["label"] != "mugshot_non_frontal").Select(r => read[r]).FirstOrDefault();
            foreach (var p in profiles.Where(r => r["identity"] == identity && r["encounter"] == encounter))
                if (MedsProfileSides.TryGetValue(Path.GetFileName(p["file"]), out var side))
                    sequences.Add(new("meds", identity, false, true, "one turn", [side], [frontal, read[p]]));
        }
        return sequences;
    }

    /// <summary>
    /// Flat attacks: frontal MEDS mugshots and LFW pictures (people other than the renders'), each shown as a print or a phone
    /// turned 15–40° about the vertical axis (imitating both turns), about the horizontal axis, or about either per frame.
    /// People are split into halves by a seeded hash: one chooses the thresholds, the other is held out.
    /// </summary>
    public async Task<List<ChallengeSequence>> FlatAttacksAsync(int lfwPeople, int seed, CancellationToken ct)
    {
        var pictures = LabelsCsv.ReadRows(Path.Combine(root, "id_photo/meds_mugshots_openmpf/labels.csv"))
            .Where(r => r["label"].StartsWith("mugshot_frontal", StringComparison.Ordinal))
            .GroupBy(r => r["identity"]).Select(g => (File: g.First()["file"], Person: g.Key, Source: "meds")).ToList();
        var random = new Random(seed);
        pictures.AddRange(LabelsCsv.ReadIdentities(Path.Combine(root, "identity/lfw/labels.csv")).GroupBy(i => i.Identity)
            .Select(g => (File: g.First().File, Person: g.Key, Source: "lfw")).OrderBy(p => p.Person, StringComparer.Ordinal)
            .OrderBy(_ => random.Next()).Take(lfwPeople));
        var plans = new List<(string Person, string Source, string File, string Kind, FlatMedium Medium, FlatPose[] Poses)>();
        foreach (var p in pictures)
            foreach (var kind in new[] { "vertical axis", "horizontal axis", "either axis" })
            {
                var medium = FlatMedium.Draw(random);
                FlatPose Pose(double vertical, double horizontal) => new(vertical, horizontal, -5 + 10 * random.NextDouble(),
                    -0.06 + 0.12 * random.NextDouble(), -0.06 + 0.12 * random.NextDouble());
                double Angle() => (15 + 25 * random.NextDouble()) * (random.Next(2) == 0 ? 1 : -1);
                var first = Pose(-5 + 10 * random.NextDouble(), -5 + 10 * random.NextDouble());
                var sign = random.Next(2) == 0 ? 1 : -1;
                FlatPose[] poses = kind switch
                {
                    "vertical axis" => [first, Pose(sign * Math.Abs(Angle()), 0), Pose(-sign * Math.Abs(Angle()), 0)],
                    "horizontal axis" => [first, Pose(0, Angle()), Pose(0, Angle())],
                    _ => [first, random.Next(2) == 0 ? Pose(Angle(), 0) : Pose(0, Angle()), random.Next(2) == 0 ? Pose(Angle(), 0) : Pose(0, Angle())],
                };
                plans.Add((p.Person, p.Source, p.File, kind, medium, poses));
            }
        var frames = plans.SelectMany((plan, i) => plan.Poses.Select((pose, k) => (i, k))).ToList();
        var read = await ReadAllAsync(frames, x =>
        {
            var plan = plans[x.i];
            var picture = Load(plan.File, ct);
            return picture is null ? null : FlatAttackSynth.Render(picture, plan.Poses[x.k], plan.Medium, x.k);
        }, ct);
        var originals = await ReadAllAsync(pictures.Select(p => p.File).Distinct().ToList(), f => Load(f, ct), ct);
        return plans.Select((plan, i) => new ChallengeSequence(plan.Source == "meds" ? "flat (meds)" : "flat (lfw)", plan.Person, IsFitPerson(plan.Person, seed),
            false, plan.Kind, null, Enumerable.Range(0, plan.Poses.Length).Select(k => read[(i, k)]).ToList(), Reference: originals[plan.File])).ToList();
    }

    /// <summary>The flat-attack people who choose the thresholds: a seeded hash of the name, so one person is on one side whatever else is drawn.</summary>
    public static bool IsFitPerson(string person, int seed) =>
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{seed}:{person}"))[0] % 2 == 0;

    /// <summary>NUAA: real prints held by hand; per person and session, frame 0 and the next two frames in file order. Held out.</summary>
    public async Task<List<ChallengeSequence>> NuaaAsync(string label, CancellationToken ct)
    {
        var rows = LabelsCsv.ReadRows(Path.Combine(root, "replay/nuaa_print_frames/labels.csv")).Where(r => r["label"] == label).ToList();
        var read = await ReadAllAsync(rows, r => Load(r["file"], ct), ct);
        var sequences = new List<ChallengeSequence>();
        foreach (var g in rows.GroupBy(r => (r["client"], r["session"])))
        {
            var ordered = g.OrderBy(r => r["file"], StringComparer.Ordinal).ToList();
            for (var i = 0; i + 1 < ordered.Count; i += 2)
                sequences.Add(new(label == "live" ? "nuaa live" : "nuaa print", g.Key.Item1, false, label == "live", "hand-held",
                    null, ordered.Skip(i).Take(3).Select(r => read[r]).ToList()));
        }
        return sequences;
    }

    public async Task<Dictionary<T, FaceReading?>> ReadAllAsync<T>(IReadOnlyList<T> items, Func<T, RgbImage?> image, CancellationToken ct) where T : notnull
    {
        var results = new ConcurrentDictionary<T, FaceReading?>();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, (item, token) =>
        {
            results[item] = image(item) is { } picture ? Read(picture, token) : null;
            return ValueTask.CompletedTask;
        });
        return new Dictionary<T, FaceReading?>(results);
    }
}
