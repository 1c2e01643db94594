using FaceVerify.Core.Challenge;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Policy;

namespace FaceVerify.Cli.Challenge;

/// <summary>One row of the calibration table: a group of sequences judged at the chosen thresholds.</summary>
internal sealed record ChallengeRow(string Source, string Kind, string Split, int Sequences, int MissingFace, double FramesMatch, double StepsFollowed,
    double FlaggedFlat, double FlatAmongMatched, double Accepted, double ResidualP05, double ResidualP50, double ResidualP95);

/// <summary>The thresholds chosen on the fit people, and the separation each landmark set gave there.</summary>
internal sealed record ChallengeFit(double TurnYaw, double ReturnYaw, LandmarkSet Set, double FlatThreshold,
    IReadOnlyDictionary<string, (double GenuineP025, double AttackP995, double Threshold)> BySet, double FrontalAbsYawP95, double TurnedYawP05, IReadOnlyList<double> FrontalAbsYaw);

/// <summary>
/// Chooses the turn angle and the flat-motion threshold on the fit people only, then judges every sequence at them.
/// Turn angle: the snapshot rule's yaw limit (calibrate-pose: 97% of frontal MEDS mugshots read below it, 85–94% of profiles
/// above), i.e. a step's frame must show what the snapshot rules call a turned head; printed beside the |yaw| read on the fit
/// people's frontal mugshots and on the fit renders turned 40° or more. The return must be half of it. Flat threshold: midway between the 99.5th percentile of the residual of the fit flat attacks that pass the match
/// rules (every frame has a face that matches the printed picture: the attacks only this check can stop) and the 2.5th percentile
/// of the fit head motions' (challenge sequences turned 40° or more, and views 40° or more apart); the attacks' percentile alone if
/// they overlap.
/// </summary>
internal static class ChallengeCalibration
{
    public static ChallengeFit Fit(IReadOnlyList<ChallengeSequence> all, IReadOnlyList<(Core.Analysis.FaceReading Face, ChallengeStep? Side, int Yaw)> turned, double matchThreshold, double turnYaw)
    {
        var turnedYaws = turned.Where(t => t.Yaw >= 40 && t.Side is not null && IsFitRender(t.Face, all))
            .Select(t => t.Face.Pose.Yaw * (t.Side == ChallengeStep.TurnRight ? 1 : -1)).Order().ToList();
        var frontal = all.Where(s => s.Fit && s.Source == "flat (meds)" && s.Reference is not null).Select(s => s.Reference!).Distinct()
            .Select(r => Math.Abs(r.Pose.Yaw)).Order().ToList();
        var bySet = new Dictionary<string, (double, double, double)>();
        foreach (var set in Enum.GetValues<LandmarkSet>())
        {
            var genuine = all.Where(s => s.Fit && s.Source == "renders" && s.TurnDegrees >= 40 && s.Frames[0] is not null).Select(s => Motion(s, set)).OfType<double>().Order().ToList();
            var attacks = all.Where(s => s.Fit && !s.Genuine && s.Source.StartsWith("flat", StringComparison.Ordinal) && s.AllMatch(matchThreshold))
                .Select(s => Motion(s, set)).OfType<double>().Order().ToList();
            double g = P(genuine, 0.025), a = P(attacks, 0.995);
            bySet[set.ToString()] = (Math.Round(g, 4), Math.Round(a, 4), Math.Round(g > a ? (g + a) / 2 : a, 3));
        }
        var best = Enum.GetValues<LandmarkSet>().MaxBy(s => bySet[s.ToString()].Item1 / Math.Max(1e-6, bySet[s.ToString()].Item2));
        return new ChallengeFit(turnYaw, Math.Floor(turnYaw / 2), best, bySet[best.ToString()].Item3, bySet,
            Math.Round(P(frontal, 0.95), 1), Math.Round(P(turnedYaws, 0.05), 1), frontal.Select(y => Math.Round(y, 1)).ToList());
    }

    // A turned render belongs to the fit side when a fit render sequence holds the same reading.
    private static bool IsFitRender(Core.Analysis.FaceReading face, IReadOnlyList<ChallengeSequence> all) =>
        all.Any(s => s.Source == "renders" && s.Fit && s.Frames.Contains(face));

    public static double? Motion(ChallengeSequence s, LandmarkSet set) =>
        FlatMotion.Residuals(s.Frames.Select(f => f?.Landmarks68).ToList(), set).Max();

    /// <summary>Judges one sequence under <paramref name="policy"/>; for attacks, the attacker's best order of the two turns.</summary>
    public static ChallengeOutcome Judge(ChallengeSequence s, PolicyOptions policy, IChallengeChecker checker)
    {
        if (s.Steps is { } steps) return checker.Check(steps, s.ChallengeFrames, policy);
        IReadOnlyList<ChallengeStep>[] labellings = s.Frames.Count == 2
            ? [[ChallengeStep.TurnLeft], [ChallengeStep.TurnRight]]
            : [[ChallengeStep.TurnLeft, ChallengeStep.TurnRight], [ChallengeStep.TurnRight, ChallengeStep.TurnLeft]];
        var outcomes = labellings.Select(l => checker.Check(l, s.ChallengeFrames, policy)).ToList();
        return outcomes.FirstOrDefault(o => o.StepsFollowed) ?? outcomes[0];
    }

    public static List<ChallengeRow> Rows(IReadOnlyList<ChallengeSequence> all, PolicyOptions policy, LandmarkSet set)
    {
        var checker = new ChallengeStepChecker();
        return all.GroupBy(s => (s.Source, Kind: s.Source == "renders" ? $"{s.Kind}, ≥{s.TurnDegrees}°" : s.Kind, Split: s.Fit ? "fit" : "held out"))
            .OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Split, StringComparer.Ordinal)
            .Select(g =>
            {
                var outcomes = g.Select(s => Judge(s, policy, checker)).ToList();
                var motions = g.Select(s => Motion(s, set)).OfType<double>().Order().ToList();
                int n = g.Count();
                // Genuine motion without asked steps (views of one head, NUAA's live frames): only the flat-motion check applies.
                var stepsApply = g.All(s => s.Steps is not null || !s.Genuine);
                var matched = g.Select(s => s.AllMatch(policy)).ToList();
                return new ChallengeRow(g.Key.Source, g.Key.Kind, g.Key.Split, n, g.Count(s => s.Frames.Any(f => f is null)), Share(matched.Count(m => m), n),
                    stepsApply ? Share(outcomes.Count(o => o.StepsFollowed), n) : double.NaN, Share(outcomes.Count(o => o.FlatMotion), n),
                    Share(outcomes.Where((o, i) => matched[i] && o.FlatMotion).Count(), matched.Count(m => m)),
                    Share(outcomes.Where((o, i) => matched[i] && (o.StepsFollowed || !stepsApply) && !o.FlatMotion).Count(), n),
                    Math.Round(P(motions, 0.05), 4), Math.Round(P(motions, 0.5), 4), Math.Round(P(motions, 0.95), 4));
            }).ToList();
    }

    /// <summary>Share of turned frames whose face still matches the frontal frame of the same render person at the match threshold.</summary>
    public static IEnumerable<(int Yaw, int Frames, double Matched)> TurnedMatch(IReadOnlyList<ChallengeSequence> all, double threshold) =>
        TurnedMatch(all, (_, _) => threshold);

    /// <summary>The same under the policy's challenge rule (turned frames at the turned threshold).</summary>
    public static IEnumerable<(int Yaw, int Frames, double Matched)> TurnedMatch(IReadOnlyList<ChallengeSequence> all, PolicyOptions policy) =>
        TurnedMatch(all, (i, f) => FrameMatchThreshold.For(i, ChallengeFrame.From(f), policy));

    private static IEnumerable<(int Yaw, int Frames, double Matched)> TurnedMatch(IReadOnlyList<ChallengeSequence> all, Func<int, Core.Analysis.FaceReading, double> threshold) =>
        all.Where(s => s.Source == "renders" && s.Kind == "one turn" && s.Frames[0] is not null && s.Frames[1] is not null)
            .GroupBy(s => s.TurnDegrees).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), Share(g.Count(s => Similarity.Cosine(s.Frames[0]!.Embedding, s.Frames[1]!.Embedding) >= threshold(1, s.Frames[1]!)), g.Count())));

    private static double Share(int k, int n) => n == 0 ? double.NaN : Math.Round((double)k / n, 4);

    private static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
}
