using FaceVerify.Core.Analysis;
using FaceVerify.Core.Challenge;

namespace FaceVerify.Cli.Challenge;

/// <summary>How one yaw reading fares on one group of frames: read as a turn of the policy's angle the true way, the wrong way.</summary>
internal sealed record TurnReadRow(TurnReading Reading, string Group, string Split, int Frames, int TrueWay, int WrongWay);

/// <summary>The landmark reading's scale and the turn reading chosen on the fit side, with the fit side's errors per reading.</summary>
internal sealed record TurnReadingFit(double DegreesPerRatio, TurnReading Chosen, IReadOnlyDictionary<TurnReading, int> FitErrors);

/// <summary>
/// Fits the landmark reading's degrees per ratio and chooses between the pose model's yaw, the landmark reading and
/// either of them, on the fit render subjects (1–5) and fit frontal pictures only.
/// Scale: least squares through the origin of the rendered yaw against the ratio, over the fit renders turned 22–55°
/// (at 75° the far eye is hidden and the landmark model compresses the face; the decision angle lies near 22–40°).
/// Choice: the fewest errors on the fit side, an error being a turned frame of 40° or more not read as a turn of the
/// policy's angle the true way, any turned frame read that far the wrong way, or a frontal frame read that far either
/// way (it would break the return check); a tie keeps the pose model (the earlier rule).
/// </summary>
internal static class TurnReadingCalibration
{
    public static TurnReadingFit Fit(IReadOnlyList<(FaceReading Face, ChallengeStep? Side, int Yaw)> fitTurned, IReadOnlyList<FaceReading> fitFrontal,
        ChallengePolicy rules)
    {
        var points = fitTurned.Where(t => t.Yaw is >= 22 and <= 55 && t.Side is not null)
            .Select(t => (Truth: Sign(t.Side!.Value) * (double)t.Yaw, Ratio: LandmarkTurn.Ratio(t.Face.Landmarks68)))
            .Where(p => p.Ratio is not null).ToList();
        var scale = Math.Round(points.Sum(p => p.Truth * p.Ratio!.Value) / points.Sum(p => p.Ratio!.Value * p.Ratio!.Value));
        var errors = Enum.GetValues<TurnReading>().ToDictionary(r => r, r =>
        {
            var policy = rules with { TurnReading = r, LandmarkYawPerRatio = scale };
            var turned = fitTurned.Where(t => t.Side is not null).Select(t => (t.Yaw, Read: Signed(t.Face, t.Side!.Value, policy))).ToList();
            return turned.Count(t => t.Yaw >= 40 && !(t.Read >= policy.TurnYaw)) + turned.Count(t => t.Read <= -policy.TurnYaw)
                + fitFrontal.Count(f => Math.Abs(TurnReadings.Yaw(ChallengeFrame.From(f), policy) ?? 0) >= policy.TurnYaw);
        });
        return new TurnReadingFit(scale, errors.MinBy(e => e.Value).Key, errors);
    }

    /// <summary>Per reading, per group (rendered angle, MEDS profiles, frontal pictures) and split: turns read the true and the wrong way.</summary>
    public static IEnumerable<TurnReadRow> Rows(IEnumerable<(FaceReading Face, ChallengeStep? Side, string Group, bool Fit, int Yaw)> frames, ChallengePolicy rules)
    {
        var list = frames.ToList();
        foreach (var reading in Enum.GetValues<TurnReading>())
        {
            var policy = rules with { TurnReading = reading };
            foreach (var g in list.GroupBy(f => (f.Group, f.Fit)).OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenByDescending(g => g.Key.Fit))
            {
                // A frontal frame (no side) counts as "wrong" when it reads a turn of the policy's angle either way.
                var reads = g.Select(f => (f.Side, Read: f.Side is { } s ? Signed(f.Face, s, policy) : TurnReadings.Yaw(ChallengeFrame.From(f.Face), policy))).ToList();
                yield return new TurnReadRow(reading, g.Key.Group, g.Key.Fit ? "fit" : "held out", reads.Count,
                    reads.Count(r => r.Side is not null && r.Read >= policy.TurnYaw),
                    reads.Count(r => r.Side is not null ? r.Read <= -policy.TurnYaw : Math.Abs(r.Read ?? 0) >= policy.TurnYaw));
            }
        }
    }

    /// <summary>
    /// Attack frames after frame 0 (flat pictures moved by hand), per source: how many each reading reads as a turn of the
    /// policy's angle, and how far the landmark reading moves from the sequence's frame 0 (p95 and largest, degrees).
    /// </summary>
    public static IEnumerable<(string Source, int Frames, IReadOnlyDictionary<TurnReading, int> Turned, double MoveP95, double MoveMax)> Attacks(
        IReadOnlyList<ChallengeSequence> sequences, ChallengePolicy rules)
    {
        foreach (var g in sequences.Where(s => !s.Genuine).GroupBy(s => s.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var frames = g.SelectMany(s => s.Frames.Skip(1).Select(f => (First: s.Frames[0], Frame: f))).Where(x => x.Frame is not null).ToList();
            var turned = Enum.GetValues<TurnReading>().ToDictionary(r => r, r => frames.Count(x =>
                Math.Abs(TurnReadings.Yaw(ChallengeFrame.From(x.Frame!), rules with { TurnReading = r }) ?? 0) >= rules.TurnYaw));
            var moves = frames.Where(x => x.First is not null)
                .Select(x => Math.Abs((LandmarkTurn.Yaw(x.Frame!.Landmarks68, rules.LandmarkYawPerRatio) - LandmarkTurn.Yaw(x.First!.Landmarks68, rules.LandmarkYawPerRatio)) ?? 0))
                .Order().ToList();
            yield return (g.Key, frames.Count, turned, moves.Count == 0 ? double.NaN : Math.Round(moves[(int)Math.Min(moves.Count - 1, Math.Floor(0.95 * moves.Count))], 1),
                moves.Count == 0 ? double.NaN : Math.Round(moves[^1], 1));
        }
    }

    private static double? Signed(FaceReading face, ChallengeStep side, ChallengePolicy policy) =>
        Sign(side) * TurnReadings.Yaw(ChallengeFrame.From(face), policy);

    private static int Sign(ChallengeStep side) => side == ChallengeStep.TurnRight ? 1 : -1;
}
