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
            var policy = current with
            {
                Challenge = current.Challenge with
                {
                    TurnYaw = fit.TurnYaw, ReturnYaw = fit.ReturnYaw, MotionLandmarks = fit.Set, MinHeadMotionResidual = fit.FlatThreshold,
                },
            };
            var rows = ChallengeCalibration.Rows(sequences, policy, fit.Set);
            var signs = turned.Where(t => t.Side is not null).GroupBy(t => t.Yaw).OrderBy(g => g.Key)
                .Select(g => (Yaw: g.Key, Faces: g.Count(), Agree: Math.Round((double)g.Count(t => (t.Face.Pose.Yaw > 0) == (t.Side == ChallengeStep.TurnRight)) / g.Count(), 3)))
                .ToList();
            // Per turned frame, all ten render subjects (most have no frontal render, so no challenge sequence): does the
            // pose model read the turn beyond the policy's angle in the true direction?
            var reads = turned.Where(t => t.Side is not null).GroupBy(t => t.Yaw).OrderBy(g => g.Key)
                .Select(g => (Yaw: g.Key, Faces: g.Count(), Read: g.Count(t => t.Face.Pose.Yaw * (t.Side == ChallengeStep.TurnRight ? 1 : -1) >= policy.Challenge.TurnYaw)))
                .ToList();
            var match = ChallengeCalibration.TurnedMatch(sequences, current.MatchThreshold).ToList();
            if (parse.GetValue(json))
            {
                ConsoleOutput.JsonLine(new { fit.TurnYaw, fit.ReturnYaw, landmarks = fit.Set.ToString(), fit.FlatThreshold, fit.FrontalAbsYawP95, fit.TurnedYawP05,
                    bySet = fit.BySet.ToDictionary(k => k.Key, k => new { genuineP025 = k.Value.GenuineP025, attackP995 = k.Value.AttackP995, threshold = k.Value.Threshold }) });
                foreach (var r in rows) ConsoleOutput.JsonLine(r);
                return ExitCodes.Ok;
            }
            Console.Out.WriteLine($"pose sign check (renders: the side the nose points to vs yaw > 0 = the subject's own right): {string.Join("; ", signs.Select(s => $"{s.Yaw}°: {s.Agree:P0} of {s.Faces}"))}");
            Console.Out.WriteLine($"fit (render subjects 1–5, half of the flat-attack people): turn yaw {fit.TurnYaw}° (the snapshot's yaw limit; p5 of the yaw read on ≥40° render turns {fit.TurnedYawP05}°; |yaw| p95 of frontal MEDS mugshots {fit.FrontalAbsYawP95}°), return {fit.ReturnYaw}°, landmarks {fit.Set}, flat threshold {fit.FlatThreshold}");
            Console.Out.WriteLine($"  |yaw| of the fit frontal MEDS mugshots: {string.Join(" ", fit.FrontalAbsYaw)}");
            Console.Out.WriteLine($"  turned render frames (all subjects) read ≥ {policy.Challenge.TurnYaw}° in the true direction: {string.Join("; ", reads.Select(r => $"{r.Yaw}°: {r.Read} of {r.Faces}"))}");
            foreach (var (set, v) in fit.BySet) Console.Out.WriteLine($"  {set}: head turns p2.5 {v.GenuineP025}, flat attacks p99.5 {v.AttackP995} → {v.Threshold}");
            Console.Out.WriteLine($"turned render frames matching their frontal frame at {current.MatchThreshold}: {string.Join("; ", match.Select(m => $"{m.Yaw}°: {m.Matched:P0} of {m.Frames}"))}");
            Console.Out.WriteLine();
            Console.Out.WriteLine("| source | sequences | split | n (a frame without face) | frames match | steps followed | flagged flat | flat among matched | accepted | residual p5 / p50 / p95 |");
            Console.Out.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var r in rows)
                Console.Out.WriteLine($"| {r.Source} | {r.Kind} | {r.Split} | {r.Sequences} ({r.MissingFace}) | {r.FramesMatch:P1} | {r.StepsFollowed:P1} | {r.FlaggedFlat:P1} | {r.FlatAmongMatched:P1} | {r.Accepted:P1} | {r.ResidualP05:0.000} / {r.ResidualP50:0.000} / {r.ResidualP95:0.000} |");
            return ExitCodes.Ok;
        });
        return command;
    }
}
