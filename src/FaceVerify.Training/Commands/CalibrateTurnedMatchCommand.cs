using System.CommandLine;
using FaceVerify.Cli.Challenge;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>calibrate-turned-match [--data DIR] [--lfw N] [--seed S] [--draws B]</c>: the identity threshold of strongly turned
/// challenge frames. Impostor pairs: turned AFLW faces (pose/mtfl_headpose_classes, one face = one person) against frontal
/// pictures of other people in several reference groups (MEDS frontal mugshots, East Asian web portraits, CASIA webcam,
/// LFW East Asian and other, RMFD crops, NUAA live frames). Which reading and yaw level make a frame "turned" is chosen
/// first (a rule on readings alone), then the threshold is the FAR point of the worst group that can place it, the same rule
/// as the frontal match threshold. Prints the genuine side (renders vs their frontal render, MEDS frontal → profile) at it.
/// </summary>
internal static class CalibrateTurnedMatchCommand
{
    private static readonly int[] Levels = [30, 40, 50, 60, 70];
    private static readonly TurnReading[] Readings = [TurnReading.Pose, TurnReading.Landmarks, TurnReading.Either];
    private const double MaxFrontalTurned = 0.01;

    public static Command Build()
    {
        var data = new Option<string?>("--data") { Description = "the shared data root (default: FACEVERIFY_SHARED_DATA, else ../shared/data)" };
        var lfw = new Option<int>("--lfw") { DefaultValueFactory = _ => 1000, Description = "LFW people of other origins (one picture each, seeded) in the lfw_other group" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 20261129, Description = "seed of the LFW draw, the split-half check and the bootstrap" };
        var draws = new Option<int>("--draws") { DefaultValueFactory = _ => 500, Description = "bootstrap draws of the turned faces" };
        var command = new Command("calibrate-turned-match", "Identity threshold of strongly turned challenge frames at the policy's false-accept rate") { data, lfw, seed, draws };
        command.SetAction(async (parse, ct) =>
        {
            var root = parse.GetValue(data) ?? SharedData.Root;
            var seedValue = parse.GetValue(seed);
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            var reader = new ChallengeData(provider, root, Math.Min(2, Environment.ProcessorCount));
            var catalog = provider.GetRequiredService<PolicyCatalog>();
            catalog.TryGet("default", out var policy);
            catalog.TryGet("strict", out var strict);

            Console.Error.WriteLine("reading turned AFLW faces, reference pictures, renders, MEDS …");
            var probes = await ProbesAsync(reader, root, ct);
            var references = await ReferencesAsync(reader, root, parse.GetValue(lfw), seedValue, ct);
            var (renderSequences, turnedRenders) = await reader.RendersAsync(ct);
            var genuine = renderSequences.Where(s => s.Kind == "one turn").Concat(await reader.MedsAsync(ct))
                .Where(s => s.Frames[0] is not null && s.Frames[1] is not null).ToList();
            var people = references.GroupBy(r => r.Group).ToDictionary(g => g.Key, g => g.Select(r => r.Person).Distinct().Count());
            var frontalPortraits = references.Where(r => r.Group is "meds_frontal" or MatchSets.AsianWeb or MatchSets.CasiaWebcam).ToList();
            Console.Out.WriteLine($"turned AFLW faces read: {probes.Count} ({string.Join(", ", probes.GroupBy(p => p.Class).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}); "
                + $"reference pictures {references.Count} ({string.Join(", ", references.GroupBy(r => r.Group).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()} of {people[g.Key]} people"))})");

            // 1. Which reading and level make a frame "turned": by readings alone, never by match scores.
            Console.Out.WriteLine();
            Console.Out.WriteLine($"| reading | level | AFLW profiles | AFLW left/right | AFLW frontal | frontal portraits (MEDS, web, CASIA) | renders 40° / 55° / 75° (all ten, both sides) | fit renders 75° | worst-group FAR-0.1% threshold (faces) |");
            Console.Out.WriteLine("|---|---|---|---|---|---|---|---|---|");
            // Every AFLW face against every reference picture, once: each rule below only picks its rows.
            var allScores = TurnedMatchCalibration.Scores(probes, references);
            var choices = new List<(TurnReading Reading, int Level, double Frontal, int Fit75)>();
            foreach (var reading in Readings)
                foreach (var level in Levels)
                {
                    var rules = policy.Challenge with { TurnedFrameReading = reading, TurnedFrameYaw = level };
                    bool Turned(ChallengeFrame f) => FrameMatchThreshold.IsTurned(1, f, rules);
                    string Share<T>(IEnumerable<T> items, Func<T, bool> turned) { var l = items.ToList(); return $"{l.Count(turned)} / {l.Count}"; }
                    var chosen = Enumerable.Range(0, probes.Count).Where(i => Turned(probes[i].Frame)).ToList();
                    var frontal = (double)frontalPortraits.Count(r => Turned(r.Frame)) / frontalPortraits.Count;
                    var fit75 = turnedRenders.Count(t => t.Yaw == 75 && IsFitRender(t.Face, renderSequences) && Turned(ChallengeFrame.From(t.Face)));
                    choices.Add((reading, level, frontal, fit75));
                    Console.Out.WriteLine($"| {reading} | {level}° | {Share(probes.Where(p => p.Class.EndsWith("profile", StringComparison.Ordinal)), p => Turned(p.Frame))} | "
                        + $"{Share(probes.Where(p => p.Class is "left" or "right"), p => Turned(p.Frame))} | {Share(probes.Where(p => p.Class == "frontal"), p => Turned(p.Frame))} | "
                        + $"{Share(frontalPortraits, r => Turned(r.Frame))} | {string.Join(" / ", new[] { 40, 55, 75 }.Select(y => Share(turnedRenders.Where(t => t.Yaw == y), t => Turned(ChallengeFrame.From(t.Face)))))} | "
                        + $"{fit75} | {TurnedMatchCalibration.WorstThreshold(allScores, people, 1e-3, chosen):0.0000} ({chosen.Count}) |");
                }
            // Rule: per reading the lowest level at which at most 1% of frontal portraits read turned (a frontal frame read as
            // turned would be judged at the lower threshold); then the reading that reads the most fit renders at 75° as turned
            // (the turns the frontal threshold loses); a tie keeps the pose model.
            var pick = Readings.Select(r => choices.Where(c => c.Reading == r && c.Frontal <= MaxFrontalTurned).OrderBy(c => c.Level).Cast<(TurnReading Reading, int Level, double Frontal, int Fit75)?>().FirstOrDefault())
                .OfType<(TurnReading Reading, int Level, double Frontal, int Fit75)>().OrderByDescending(c => c.Fit75).ThenBy(c => c.Reading == TurnReading.Pose ? 0 : 1).First();
            Console.Out.WriteLine($"chosen: {pick.Reading} |yaw| ≥ {pick.Level}° (frontal portraits read turned {pick.Frontal:P1}, fit 75° renders read turned {pick.Fit75})");

            // 2. The threshold: FAR point of the worst group that can place it, over the turned faces under the chosen rule.
            var turnedRules = policy.Challenge with { TurnedFrameReading = pick.Reading, TurnedFrameYaw = pick.Level };
            var turnedRows = Enumerable.Range(0, probes.Count).Where(i => FrameMatchThreshold.IsTurned(1, probes[i].Frame, turnedRules)).ToList();
            var turned = turnedRows.Select(i => probes[i]).ToList();
            var byGroup = allScores.ToDictionary(g => g.Key, g => turnedRows.Select(i => g.Value[i]).ToArray());
            var t3 = TurnedMatchCalibration.WorstThreshold(byGroup, people, 1e-3);
            var t4 = TurnedMatchCalibration.WorstThreshold(byGroup, people, 1e-4);
            Console.Out.WriteLine();
            Console.Out.WriteLine($"turned faces: {turned.Count} ({string.Join(", ", turned.GroupBy(p => p.Class).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}); "
                + $"threshold FAR 0.1% (default) {t3:0.0000}, FAR 0.01% (strict) {t4:0.0000}; frontal match thresholds {policy.MatchThreshold} / {strict.MatchThreshold}");
            Console.Out.WriteLine("| reference group | pictures | people | impostor pairs | pairs of people | FAR-0.1% point | FAR-0.01% point | accepted at the default turned threshold | at the strict one | at the frontal default |");
            Console.Out.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var (group, rows) in byGroup.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var f = TurnedMatchCalibration.Figure(group, rows, people[group], t3);
                var s = TurnedMatchCalibration.Figure(group, rows, people[group], t4);
                var d = TurnedMatchCalibration.Figure(group, rows, people[group], policy.MatchThreshold);
                string Place(double t, long need) => f.PeoplePairs >= need ? $"{t:0.0000}" : $"({t:0.0000}, cannot place)";
                Console.Out.WriteLine($"| {group} | {f.Pictures} | {people[group]} | {f.Pairs:N0} | {f.PeoplePairs:N0} | {Place(f.ThresholdFar1e3, 1000)} | {Place(f.ThresholdFar1e4, 10000)} | "
                    + $"{f.AcceptedAtDefault} ({f.FarAtDefault:P3}) | {s.AcceptedAtDefault} ({s.FarAtDefault:P3}) | {d.AcceptedAtDefault} ({d.FarAtDefault:P3}) |");
            }
            var draw = parse.GetValue(draws);
            var b3 = TurnedMatchCalibration.Bootstrap(byGroup, people, 1e-3, turned.Count, draw, seedValue);
            var b4 = TurnedMatchCalibration.Bootstrap(byGroup, people, 1e-4, turned.Count, draw, seedValue);
            Console.Out.WriteLine($"bootstrap over the {turned.Count} turned faces ({draw} draws), worst-group threshold p5 / p50 / p95: FAR 0.1% {b3.P05:0.0000} / {b3.P50:0.0000} / {b3.P95:0.0000}; FAR 0.01% {b4.P05:0.0000} / {b4.P50:0.0000} / {b4.P95:0.0000}");

            // Split-half check: the threshold chosen on half of the turned faces, the FAR measured on the other half.
            var fitRows = Enumerable.Range(0, turned.Count).Where(i => TurnedMatchCalibration.IsFitProbe(turned[i].File, seedValue)).ToList();
            var heldRows = Enumerable.Range(0, turned.Count).Except(fitRows).ToList();
            var half = TurnedMatchCalibration.WorstThreshold(byGroup, people, 1e-3, fitRows);
            Console.Out.WriteLine($"split-half: {fitRows.Count} faces choose {half:0.0000}; on the other {heldRows.Count}: "
                + string.Join(", ", byGroup.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => { var (a, n) = TurnedMatchCalibration.Accepted(g.Value, heldRows, half); return $"{g.Key} {a} / {n:N0} ({(double)a / n:P3})"; })));

            // What a frontal frame misread as turned would let through: frontal-vs-frontal impostor pairs at the turned threshold.
            foreach (var group in new[] { MatchSets.AsianWeb, "meds_frontal" })
            {
                var pics = references.Where(r => r.Group == group).ToList();
                long pairs = 0, accepted = 0;
                for (var i = 0; i < pics.Count; i++)
                    for (var j = i + 1; j < pics.Count; j++)
                        if (pics[i].Person != pics[j].Person)
                        {
                            pairs++;
                            if (Similarity.Cosine(pics[i].Embedding, pics[j].Embedding) >= t3) accepted++;
                        }
                Console.Out.WriteLine($"frontal-vs-frontal impostor pairs of {group} accepted at {t3:0.0000}: {accepted} / {pairs:N0} ({(double)accepted / pairs:P2})");
            }

            // 3. The genuine side at the new rule.
            var newPolicy = policy with { Challenge = turnedRules with { TurnedMatchThreshold = t3 } };
            Console.Out.WriteLine();
            Console.Out.WriteLine("| genuine pairs (turned frame vs the same person's frontal picture) | split | n | read turned | match at the frontal threshold | match at the new rule | similarities |");
            Console.Out.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var g in genuine.GroupBy(s => (Source: s.Source == "renders" ? $"renders {s.TurnDegrees}°" : "MEDS frontal → profile", Split: s.Fit ? "fit" : "held out"))
                         .OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Split, StringComparer.Ordinal))
            {
                var list = g.Select(s => (Frame: ChallengeFrame.From(s.Frames[1]!), Score: Similarity.Cosine(s.Frames[0]!.Embedding, s.Frames[1]!.Embedding))).ToList();
                Console.Out.WriteLine($"| {g.Key.Source} | {g.Key.Split} | {list.Count} | {list.Count(x => FrameMatchThreshold.IsTurned(1, x.Frame, newPolicy.Challenge))} | "
                    + $"{list.Count(x => x.Score >= policy.MatchThreshold)} | {list.Count(x => x.Score >= FrameMatchThreshold.For(1, x.Frame, newPolicy))} | {string.Join(" ", list.Select(x => x.Score).Order().Select(v => v.ToString("0.000")))} |");
                foreach (var x in list.Where(x => x.Score < FrameMatchThreshold.For(1, x.Frame, newPolicy)))
                    Console.Out.WriteLine($"    missed: similarity {x.Score:0.0000}, {newPolicy.Challenge.TurnedFrameReading} yaw {FrameMatchThreshold.TurnedYaw(x.Frame, newPolicy.Challenge):0.0}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool IsFitRender(FaceReading face, IReadOnlyList<ChallengeSequence> renders) => renders.Any(s => s.Fit && s.Frames.Contains(face));

    /// <summary>Every AFLW face of the head-pose classes (each crop from another Flickr picture: one face, one person).</summary>
    private static async Task<List<TurnedProbe>> ProbesAsync(ChallengeData reader, string root, CancellationToken ct)
    {
        var rows = LabelsCsv.ReadRows(Path.Combine(root, "pose/mtfl_headpose_classes/labels.csv"));
        var read = await reader.ReadAllAsync(rows, r => reader.Load(r["file"], ct), ct);
        return rows.Where(r => read[r] is not null).Select(r => new TurnedProbe(r["file"], r["label"], ChallengeFrame.From(read[r]!), read[r]!.Embedding)).ToList();
    }

    /// <summary>The matching sets of issue 19 (all their people: nothing here was chosen on them), LFW other origins cut to one picture of N people, plus MEDS frontal mugshots.</summary>
    private static async Task<List<FrontalReference>> ReferencesAsync(ChallengeData reader, string root, int lfwPeople, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var images = MatchSets.Build(root, seed);
        var pictures = images.Where(i => i.Group != MatchSets.LfwOther).Select(i => (i.File, i.Identity, i.Group)).ToList();
        pictures.AddRange(images.Where(i => i.Group == MatchSets.LfwOther).GroupBy(i => i.Identity).OrderBy(g => g.Key, StringComparer.Ordinal)
            .OrderBy(_ => random.Next()).Take(lfwPeople).Select(g => (g.First().File, g.Key, g.First().Group)));
        pictures.AddRange(LabelsCsv.ReadRows(Path.Combine(root, "id_photo/meds_mugshots_openmpf/labels.csv"))
            .Where(r => r["label"].StartsWith("mugshot_frontal", StringComparison.Ordinal)).Select(r => (r["file"], r["identity"], "meds_frontal")));
        var read = await reader.ReadAllAsync(pictures.Select(p => p.File).Distinct().ToList(), f => reader.Load(f, ct), ct);
        return pictures.Where(p => read[p.File] is not null)
            .Select(p => new FrontalReference(p.Group, p.Identity, ChallengeFrame.From(read[p.File]!), read[p.File]!.Embedding)).ToList();
    }
}
