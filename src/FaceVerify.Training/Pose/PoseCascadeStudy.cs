using FaceVerify.Core.Pose;

namespace FaceVerify.Cli.Training;

/// <summary>One role's pose limits of one built-in policy, e.g. <c>strict.idPhoto</c>.</summary>
internal sealed record PoseLimit(string Name, double MaxYaw, double MaxPitch, double MaxRoll)
{
    public bool[] Fires(HeadPose p) => [Math.Abs(p.Yaw) > MaxYaw, Math.Abs(p.Pitch) > MaxPitch, Math.Abs(p.Roll) > MaxRoll];
}

/// <summary>
/// What skipping the pose network on clearly frontal heads would change (<see cref="PoseOptions.SkipModelWhenFrontal"/>).
/// On the fit half of the people: the landmark pitch calibration, then the largest box (by faces inside) in which the
/// network never read beyond <c>safeFraction</c> of the tightest built-in limits. On the held-out half: the share of
/// faces inside per source, every pose-rule decision of every built-in limit that the landmark reading would flip, and
/// the rules' precision and recall on the labelled pose classes with and without the cascade.
/// </summary>
internal sealed class PoseCascadeStudy(IReadOnlyList<PoseCascadeReading> readings, IReadOnlyList<PoseLimit> limits, double safeFraction, TextWriter output)
{
    private static readonly string[] Rules = ["yaw", "pitch", "roll"];
    private readonly List<PoseCascadeReading> _usable = readings.Where(r => r is { YawRatio: not null, PitchRatio: not null, Roll: not null }).ToList();

    private static HeadPose Model(PoseCascadeReading r) => new(r.ModelYaw, r.ModelPitch, r.ModelRoll);
    private static HeadPose Landmark(PoseCascadeReading r, PoseOptions o) => LandmarkPose.FromReadings(r.YawRatio!.Value, r.PitchRatio!.Value, r.Roll!.Value, o);

    /// <summary>The pitch ratio's frontal value (median where the network reads a level, straight head) and its degrees per unit (least squares against the network's pitch, |yaw| ≤ 20°), fit half only.</summary>
    public PoseOptions Calibrate(PoseOptions start)
    {
        var fit = _usable.Where(r => r.Fit).ToList();
        var level = fit.Where(r => Math.Abs(r.ModelYaw) <= 5 && Math.Abs(r.ModelPitch) <= 3 && Math.Abs(r.ModelRoll) <= 5).Select(r => r.PitchRatio!.Value).Order().ToList();
        var r0 = level[level.Count / 2];
        var sample = fit.Where(r => Math.Abs(r.ModelYaw) <= 20).ToList();
        double sxy = sample.Sum(r => (r.PitchRatio!.Value - r0) * r.ModelPitch), sxx = sample.Sum(r => Math.Pow(r.PitchRatio!.Value - r0, 2));
        var calibrated = start with { FrontalPitchRatio = Math.Round(r0, 4), PitchPerRatio = Math.Round(sxy / sxx, 1) };
        output.WriteLine($"Calibration (fit half, {fit.Count} faces): frontal pitch ratio {calibrated.FrontalPitchRatio} (median of {level.Count} faces the network reads within 5°/3°/5°), "
            + $"{calibrated.PitchPerRatio}° of pitch per unit ({sample.Count} faces with |network yaw| ≤ 20°); yaw {calibrated.YawPerRatio}° per unit (the challenge's).");
        output.WriteLine("Agreement with the network, fit half, faces the network reads within 30° (median |landmark − network|, Pearson r):");
        var near = fit.Where(r => Math.Abs(r.ModelYaw) <= 30 && Math.Abs(r.ModelPitch) <= 30 && Math.Abs(r.ModelRoll) <= 30).ToList();
        for (var i = 0; i < 3; i++)
        {
            var pairs = near.Select(r => (L: Angle(Landmark(r, calibrated), i), M: Angle(Model(r), i))).ToList();
            output.WriteLine($"  {Rules[i]}: {Median(pairs.Select(p => Math.Abs(p.L - p.M))):0.0}°, r = {Pearson(pairs):0.00} ({pairs.Count} faces)");
        }
        return calibrated;
    }

    /// <summary>The box with the most fit faces inside whose network readings all stay within the safe fraction of the tightest limits.</summary>
    public PoseOptions ChooseBox(PoseOptions calibrated)
    {
        var (maxYaw, maxPitch, maxRoll) = (safeFraction * limits.Min(l => l.MaxYaw), safeFraction * limits.Min(l => l.MaxPitch), safeFraction * limits.Min(l => l.MaxRoll));
        var fit = _usable.Where(r => r.Fit).Select(r => (L: Landmark(r, calibrated), M: Model(r))).ToList();
        (double A, double B, double C, int Inside) best = (0, 0, 0, -1);
        for (var a = 1.0; a <= maxYaw + 1e-9; a += 0.5)
        for (var b = 1.0; b <= maxPitch + 1e-9; b += 0.5)
        for (var c = 1.0; c <= maxRoll + 1e-9; c += 0.5)
        {
            int inside = 0;
            var safe = true;
            foreach (var (l, m) in fit)
            {
                if (Math.Abs(l.Yaw) > a || Math.Abs(l.Pitch) > b || Math.Abs(l.Roll) > c) continue;
                if (Math.Abs(m.Yaw) > maxYaw || Math.Abs(m.Pitch) > maxPitch || Math.Abs(m.Roll) > maxRoll) { safe = false; break; }
                inside++;
            }
            if (safe && inside > best.Inside) best = (a, b, c, inside);
        }
        if (best.Inside < 0)
        {
            // Even the smallest box holds a face the network reads beyond the safe fraction: no box keeps every decision.
            var smallest = fit.Where(f => Math.Abs(f.L.Yaw) <= 1 && Math.Abs(f.L.Pitch) <= 1 && Math.Abs(f.L.Roll) <= 1).ToList();
            output.WriteLine($"Box (fit half): none. Even |landmark yaw|, |pitch|, |roll| ≤ 1° holds {smallest.Count} fit faces, "
                + $"{smallest.Count(f => Math.Abs(f.M.Yaw) > maxYaw || Math.Abs(f.M.Pitch) > maxPitch || Math.Abs(f.M.Roll) > maxRoll)} of them read by the network beyond "
                + $"{maxYaw:0.#}° / {maxPitch:0.#}° / {maxRoll:0.#}° ({safeFraction:P0} of the tightest built-in limits).");
            return calibrated with { SkipModelWhenFrontal = false, FrontalMaxYaw = 0, FrontalMaxPitch = 0, FrontalMaxRoll = 0 };
        }
        output.WriteLine($"Box (fit half): |landmark yaw| ≤ {best.A}°, |pitch| ≤ {best.B}°, |roll| ≤ {best.C}°: {best.Inside} of {fit.Count} fit faces inside, "
            + $"none read by the network beyond {maxYaw:0.#}° / {maxPitch:0.#}° / {maxRoll:0.#}° ({safeFraction:P0} of the tightest built-in limits).");
        return calibrated with { FrontalMaxYaw = best.A, FrontalMaxPitch = best.B, FrontalMaxRoll = best.C };
    }

    /// <summary>Held-out figures of a box: coverage per source, flipped decisions per limit, labelled precision/recall; returns the pictures with a flipped decision.</summary>
    public IReadOnlyList<string> Report(PoseOptions box)
    {
        var held = readings.Where(r => !r.Fit).ToList();
        bool Inside(PoseCascadeReading r) => r.YawRatio is not null && r.PitchRatio is not null && r.Roll is not null && LandmarkPose.IsClearlyFrontal(Landmark(r, box), box);
        HeadPose Cascade(PoseCascadeReading r) => Inside(r) ? Landmark(r, box) : Model(r);

        output.WriteLine();
        output.WriteLine("Held-out half: faces inside the box (the pose network skipped), and the network's largest reading there");
        output.WriteLine("| source | faces | inside | share | network max abs yaw / pitch / roll inside |");
        output.WriteLine("|---|---:|---:|---:|---|");
        foreach (var g in held.GroupBy(r => r.Source).Append(held.GroupBy(_ => "all").Single()))
        {
            var inside = g.Where(Inside).ToList();
            string Max(Func<PoseCascadeReading, double> f) => inside.Count == 0 ? "–" : inside.Max(r => Math.Abs(f(r))).ToString("0.0");
            output.WriteLine($"| {g.Key} | {g.Count()} | {inside.Count} | {(double)inside.Count / g.Count():P1} | {Max(r => r.ModelYaw)} / {Max(r => r.ModelPitch)} / {Max(r => r.ModelRoll)} |");
        }

        output.WriteLine();
        output.WriteLine("Held-out pose-rule decisions that flip (network reading → landmark reading inside the box), per built-in limit");
        output.WriteLine("| limit (yaw / pitch / roll) | decisions (faces × 3 rules) | flipped: yaw / pitch / roll |");
        output.WriteLine("|---|---:|---|");
        var flippedFaces = new List<string>();
        var flippedPictures = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var limit in limits)
        {
            var flips = new int[3];
            foreach (var r in held.Where(Inside))
            {
                bool[] before = limit.Fires(Model(r)), after = limit.Fires(Landmark(r, box));
                for (var i = 0; i < 3; i++)
                    if (before[i] != after[i])
                    {
                        flips[i]++;
                        flippedPictures.Add(r.Picture);
                        flippedFaces.Add($"  {limit.Name} {Rules[i]}: {r.Picture} ({r.Class}) network {Model(r).Yaw:0.0}/{Model(r).Pitch:0.0}/{Model(r).Roll:0.0}, landmarks {Landmark(r, box).Yaw:0.0}/{Landmark(r, box).Pitch:0.0}/{Landmark(r, box).Roll:0.0}");
                    }
            }
            output.WriteLine($"| {limit.Name} ({limit.MaxYaw} / {limit.MaxPitch} / {limit.MaxRoll}) | {held.Count * 3} | {flips[0]} / {flips[1]} / {flips[2]} |");
        }
        foreach (var f in flippedFaces) output.WriteLine(f);

        output.WriteLine();
        output.WriteLine("Labelled pose classes, held-out half: precision / recall of the head_turned rule (any pose rule in brackets), network alone → with the cascade");
        output.WriteLine("| set: positives vs negatives | limit | network alone | with the cascade |");
        output.WriteLine("|---|---|---|---|");
        var labelled = new (string Name, string Source, Func<string, bool?> Positive)[]
        {
            ("MTFL: left, right, profiles vs frontal", "mtfl", c => c == "frontal" ? false : true),
            ("renders: yaw 40–75° vs 0° (22° left out)", "facepose_renders", c => c == "yaw 0" ? false : c == "yaw 22" ? null : true),
        };
        foreach (var (name, source, positive) in labelled)
        {
            var set = held.Where(r => r.Source == source && positive(r.Class) is not null).ToList();
            foreach (var limit in limits)
                output.WriteLine($"| {name} ({set.Count(r => positive(r.Class) == true)} vs {set.Count(r => positive(r.Class) == false)}) | {limit.Name} | "
                    + $"{PrecisionRecall(set, r => positive(r.Class) == true, r => limit.Fires(Model(r)))} | {PrecisionRecall(set, r => positive(r.Class) == true, r => limit.Fires(Cascade(r)))} |");
        }
        output.WriteLine();
        output.WriteLine("InspireFace (all 6, each labelled with the rule it should set off): fired under default.idPhoto, network alone → with the cascade");
        var inspire = limits.First();
        foreach (var r in readings.Where(r => r.Source == "inspireface"))
            output.WriteLine($"  {r.Class}{(r.Fit ? " (fit half)" : "")}: network {Model(r).Yaw:0.0}/{Model(r).Pitch:0.0}/{Model(r).Roll:0.0} fires {Fired(inspire.Fires(Model(r)))}; "
                + $"inside the box: {(Inside(r) ? "yes" : "no")}, fires {Fired(inspire.Fires(Cascade(r)))}");
        return flippedPictures.ToList();
    }

    private static string Fired(bool[] fires) => fires.Any(f => f) ? string.Join('+', Rules.Where((_, i) => fires[i])) : "nothing";

    private static string PrecisionRecall(List<PoseCascadeReading> set, Func<PoseCascadeReading, bool> positive, Func<PoseCascadeReading, bool[]> fires)
    {
        string One(Func<bool[], bool> flagged)
        {
            int tp = set.Count(r => positive(r) && flagged(fires(r))), fp = set.Count(r => !positive(r) && flagged(fires(r))), pos = set.Count(positive);
            return $"{(tp + fp == 0 ? double.NaN : (double)tp / (tp + fp)):P1} / {(pos == 0 ? double.NaN : (double)tp / pos):P1}";
        }
        return $"{One(f => f[0])} ({One(f => f.Any(x => x))})";
    }

    private static double Angle(HeadPose p, int i) => i switch { 0 => p.Yaw, 1 => p.Pitch, _ => p.Roll };

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private static double Pearson(List<(double L, double M)> pairs)
    {
        double ml = pairs.Average(p => p.L), mm = pairs.Average(p => p.M);
        double cov = pairs.Sum(p => (p.L - ml) * (p.M - mm)), vl = pairs.Sum(p => Math.Pow(p.L - ml, 2)), vm = pairs.Sum(p => Math.Pow(p.M - mm, 2));
        return cov / Math.Sqrt(vl * vm);
    }
}
