using System.CommandLine;
using FaceVerify.Cli.Challenge;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Output;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>calibrate-challenge [--data DIR] [--lfw N] [--seed S] [--json]</c>: chooses the challenge's turn angle and
/// flat-motion threshold on half of the people and measures them on the other half and on sources never used to fit
/// (MEDS profiles, NUAA's hand-held prints); prints the sign check of the pose model's yaw and the table for docs/challenge.md.
/// </summary>
internal static class CalibrateChallengeCommand
{
    public static Command Build()
    {
        var data = new Option<string?>("--data") { Description = "the shared data root (default: FACEVERIFY_SHARED_DATA, else ../shared/data)" };
        var lfw = new Option<int>("--lfw") { DefaultValueFactory = _ => 150, Description = "LFW people (one picture each, seeded) made into flat attacks, beside every MEDS person" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 20261129, Description = "seed of the people split and the attack warps" };
        var json = CommonOptions.Json();
        var command = new Command("calibrate-challenge", "Turn angle and flat-motion threshold of the active liveness challenge") { data, lfw, seed, json };
        command.SetAction(async (parse, ct) =>
        {
            var root = parse.GetValue(data) ?? SharedData.Root;
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            var reader = new ChallengeData(provider, root, Math.Min(2, Environment.ProcessorCount));
            Console.Error.WriteLine("reading renders, MEDS, NUAA …");
            var (renders, turned) = await reader.RendersAsync(ct);
            var sequences = renders.Concat(await reader.MedsAsync(ct)).Concat(await reader.NuaaAsync("spoof", ct)).Concat(await reader.NuaaAsync("live", ct)).ToList();
            Console.Error.WriteLine("rendering and reading flat attacks …");
            sequences.AddRange(await reader.FlatAttacksAsync(parse.GetValue(lfw), parse.GetValue(seed), ct));

            var catalog = provider.GetRequiredService<PolicyCatalog>();
            catalog.TryGet(null, out var current);
            var fit = ChallengeCalibration.Fit(sequences, turned, current.MatchThreshold, current.Snapshot.MaxYaw);
            var readingFrames = TurnReadingFrames(sequences, turned);
            var turnFit = TurnReadingCalibration.Fit(
                readingFrames.Where(f => f.Fit && f.Side is not null && f.Yaw > 0).Select(f => (f.Face, f.Side, f.Yaw)).ToList(),
                readingFrames.Where(f => f.Fit && f.Side is null).Select(f => f.Face).ToList(), current.Challenge with { TurnYaw = fit.TurnYaw });
            var policy = current with
            {
                Challenge = current.Challenge with
                {
                    TurnYaw = fit.TurnYaw, ReturnYaw = fit.ReturnYaw, MotionLandmarks = fit.Set, MinHeadMotionResidual = fit.FlatThreshold,
                    TurnReading = turnFit.Chosen, LandmarkYawPerRatio = turnFit.DegreesPerRatio,
                },
            };
            var readingRows = TurnReadingCalibration.Rows(readingFrames, policy.Challenge).ToList();
            var rows = ChallengeCalibration.Rows(sequences, policy, fit.Set);
            var signs = turned.Where(t => t.Side is not null).GroupBy(t => t.Yaw).OrderBy(g => g.Key)
                .Select(g => (Yaw: g.Key, Faces: g.Count(), Agree: Math.Round((double)g.Count(t => (t.Face.Pose.Yaw > 0) == (t.Side == ChallengeStep.TurnRight)) / g.Count(), 3)))
                .ToList();
            // Per turned frame, all ten render subjects (most have no frontal render, so no challenge sequence): does the
            // policy's turn reading read the turn beyond the policy's angle in the true direction?
            var reads = turned.Where(t => t.Side is not null).GroupBy(t => t.Yaw).OrderBy(g => g.Key)
                .Select(g => (Yaw: g.Key, Faces: g.Count(), Read: g.Count(t => TurnReadings.Yaw(ChallengeFrame.From(t.Face), policy.Challenge) * (t.Side == ChallengeStep.TurnRight ? 1 : -1) >= policy.Challenge.TurnYaw)))
                .ToList();
            var landmarkSides = turned.Count(t => (LandmarkTurn.Ratio(t.Face.Landmarks68) > 0) == (t.Side == ChallengeStep.TurnRight));
            var match = ChallengeCalibration.TurnedMatch(sequences, current.MatchThreshold).ToList();
            if (parse.GetValue(json))
            {
                ConsoleOutput.JsonLine(new { fit.TurnYaw, fit.ReturnYaw, landmarks = fit.Set.ToString(), fit.FlatThreshold, fit.FrontalAbsYawP95, fit.TurnedYawP05,
                    turnReading = turnFit.Chosen.ToString(), landmarkYawPerRatio = turnFit.DegreesPerRatio, fitErrors = turnFit.FitErrors.ToDictionary(e => e.Key.ToString(), e => e.Value),
                    bySet = fit.BySet.ToDictionary(k => k.Key, k => new { genuineP025 = k.Value.GenuineP025, attackP995 = k.Value.AttackP995, threshold = k.Value.Threshold }) });
                foreach (var r in readingRows) ConsoleOutput.JsonLine(r);
                foreach (var r in rows) ConsoleOutput.JsonLine(r);
                return ExitCodes.Ok;
            }
            Console.Out.WriteLine($"pose sign check (renders: the side from the file vs yaw > 0 = the subject's own right): {string.Join("; ", signs.Select(s => $"{s.Yaw}°: {s.Agree:P0} of {s.Faces}"))}");
            Console.Out.WriteLine($"fit (render subjects 1–5, half of the flat-attack people): turn yaw {fit.TurnYaw}° (the snapshot's yaw limit; p5 of the yaw read on ≥40° render turns {fit.TurnedYawP05}°; |yaw| p95 of frontal MEDS mugshots {fit.FrontalAbsYawP95}°), return {fit.ReturnYaw}°, landmarks {fit.Set}, flat threshold {fit.FlatThreshold}");
            Console.Out.WriteLine($"  |yaw| of the fit frontal MEDS mugshots: {string.Join(" ", fit.FrontalAbsYaw)}");
            Console.Out.WriteLine($"landmark side check (nose tip beside the eye corners vs the render's side from its file): {landmarkSides} of {turned.Count}");
            Console.Out.WriteLine($"turn reading (fit renders 1–5, fit frontal pictures): landmark scale {turnFit.DegreesPerRatio}°/ratio; fit errors {string.Join(", ", turnFit.FitErrors.Select(e => $"{e.Key} {e.Value}"))} → {turnFit.Chosen}");
            Console.Out.WriteLine("| reading | frames | split | n | read ≥ turn the true way | read ≥ turn the wrong way (frontal: either way) |");
            Console.Out.WriteLine("|---|---|---|---|---|---|");
            foreach (var r in readingRows) Console.Out.WriteLine($"| {r.Reading} | {r.Group} | {r.Split} | {r.Frames} | {r.TrueWay} | {r.WrongWay} |");
            foreach (var a in TurnReadingCalibration.Attacks(sequences, policy.Challenge))
                Console.Out.WriteLine($"  {a.Source}: {a.Frames} frames after frame 0 read as a turn of {policy.Challenge.TurnYaw}°: {string.Join(", ", a.Turned.Select(t => $"{t.Key} {t.Value}"))}; landmark reading moves from frame 0 p95 {a.MoveP95}°, at most {a.MoveMax}°");
            Console.Out.WriteLine($"  turned render frames (all subjects) read ({policy.Challenge.TurnReading}) ≥ {policy.Challenge.TurnYaw}° in the true direction: {string.Join("; ", reads.Select(r => $"{r.Yaw}°: {r.Read} of {r.Faces}"))}");
            foreach (var (set, v) in fit.BySet) Console.Out.WriteLine($"  {set}: head turns p2.5 {v.GenuineP025}, flat attacks p99.5 {v.AttackP995} → {v.Threshold}");
            Console.Out.WriteLine($"turned render frames matching their frontal frame at {current.MatchThreshold}: {string.Join("; ", match.Select(m => $"{m.Yaw}°: {m.Matched:P0} of {m.Frames}"))}");
            Console.Out.WriteLine($"  … under the policy's rule (read ≥ {policy.Challenge.TurnedFrameYaw}° by {policy.Challenge.TurnedFrameReading}: {policy.Challenge.TurnedMatchThreshold}): {string.Join("; ", ChallengeCalibration.TurnedMatch(sequences, policy).Select(m => $"{m.Yaw}°: {m.Matched:P0} of {m.Frames}"))}");
            Console.Out.WriteLine();
            Console.Out.WriteLine("| source | sequences | split | n (a frame without face) | frames match | steps followed | flagged flat | flat among matched | accepted | residual p5 / p50 / p95 |");
            Console.Out.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var r in rows)
                Console.Out.WriteLine($"| {r.Source} | {r.Kind} | {r.Split} | {r.Sequences} ({r.MissingFace}) | {r.FramesMatch:P1} | {r.StepsFollowed:P1} | {r.FlaggedFlat:P1} | {r.FlatAmongMatched:P1} | {r.Accepted:P1} | {r.ResidualP05:0.000} / {r.ResidualP50:0.000} / {r.ResidualP95:0.000} |");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The frames the turn readings are compared on: every turned render (side from its file; fit = subjects 1–5), the
    /// frontal renders, the MEDS profiles (side checked by eye; held out) and the frontal MEDS mugshots (flat-attack split).
    /// Yaw: the rendered angle of a turned render, else 0.
    /// </summary>
    private static List<(Core.Analysis.FaceReading Face, ChallengeStep? Side, string Group, bool Fit, int Yaw)> TurnReadingFrames(
        IReadOnlyList<ChallengeSequence> sequences, IReadOnlyList<(Core.Analysis.FaceReading Face, ChallengeStep? Side, int Yaw)> turned)
    {
        var renders = sequences.Where(s => s.Source == "renders").ToList();
        bool FitRender(Core.Analysis.FaceReading f) => renders.Any(s => s.Fit && s.Frames.Contains(f));
        var frames = turned.Select(t => (t.Face, t.Side, $"render {t.Yaw}°", FitRender(t.Face), t.Yaw)).ToList();
        frames.AddRange(renders.Where(s => s.Kind == "turn and back").SelectMany(s => new[] { s.Frames[0], s.Frames[2] }).OfType<Core.Analysis.FaceReading>()
            .Distinct().Select(f => (f, (ChallengeStep?)null, "render frontal", FitRender(f), 0)));
        frames.AddRange(sequences.Where(s => s.Source == "meds" && s.Frames[1] is not null)
            .Select(s => (s.Frames[1]!, (ChallengeStep?)s.Steps![0], "MEDS profile", false, 0)));
        frames.AddRange(sequences.Where(s => s.Source == "flat (meds)" && s.Reference is not null).GroupBy(s => s.Reference!)
            .Select(g => (g.Key, (ChallengeStep?)null, "MEDS frontal mugshot", g.First().Fit, 0)));
        return frames;
    }
}
