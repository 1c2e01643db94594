using System.CommandLine;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Output;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>calibrate-pose [--data DIR] [--json]</c>: per pose class of the pose sets (and frontal LFW), the |yaw|,
/// |pitch| and |roll| the pose model reads and the share each policy's ID-photo and snapshot limits flag.
/// </summary>
internal static class CalibratePoseCommand
{
    internal sealed record Row(string Set, string Class, int Pictures, int NoFace, double YawP10, double YawP50, double YawP90,
        IReadOnlyDictionary<string, double> FlaggedShare);

    public static Command Build()
    {
        var data = new Option<string?>("--data") { Description = "the shared data root (default: FACEVERIFY_SHARED_DATA, else ../shared/data)" };
        var lfw = new Option<int>("--lfw") { DefaultValueFactory = _ => 300, Description = "LFW pictures (one per person, seeded) as the frontal reference" };
        var facesCsv = new Option<string?>("--faces-csv") { Description = "also write set, class, yaw, pitch, roll per detected face (no file names)" };
        var json = CommonOptions.Json();
        var command = new Command("calibrate-pose", "Share of each pose class that the policies' yaw/pitch/roll limits flag") { data, lfw, facesCsv, json };
        command.SetAction(async (parse, ct) =>
        {
            var root = parse.GetValue(data) ?? SharedData.Root;
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            var catalog = provider.GetRequiredService<PolicyCatalog>();
            var samples = PoseSamples(root, parse.GetValue(lfw));
            var read = await new FeaturePass(provider).ReadAllAsync(samples, "pose", ct);
            if (parse.GetValue(facesCsv) is { } csv)
                File.WriteAllLines(csv, read.Where(r => r.Detected).Select(r => string.Join(',', r.Sample.Source, r.Sample.Group,
                    R(r.Reading!.Pose.Yaw), R(r.Reading.Pose.Pitch), R(r.Reading.Pose.Roll))).Prepend("set,class,yaw,pitch,roll"));
            var limits = catalog.Names.OrderBy(n => n, StringComparer.Ordinal).SelectMany(n =>
            {
                catalog.TryGet(n, out var p);
                return new[] { ($"{n}.idPhoto", p.IdPhoto), ($"{n}.snapshot", p.Snapshot) };
            }).ToList();
            var rows = read.GroupBy(r => (r.Sample.Source, r.Sample.Group)).Select(g =>
            {
                var faces = g.Where(r => r.Detected).Select(r => r.Reading!.Pose).ToList();
                var yaws = faces.Select(p => Math.Abs(p.Yaw)).Order().ToList();
                var flagged = limits.ToDictionary(l => l.Item1, l => faces.Count == 0 ? 0 : Math.Round((double)faces.Count(p =>
                    Math.Abs(p.Yaw) > l.Item2.MaxYaw || Math.Abs(p.Pitch) > l.Item2.MaxPitch || Math.Abs(p.Roll) > l.Item2.MaxRoll) / faces.Count, 3));
                return new Row(g.Key.Source, g.Key.Group, g.Count(), g.Count(r => !r.Detected), P(yaws, 0.1), P(yaws, 0.5), P(yaws, 0.9), flagged);
            }).OrderBy(r => r.Set, StringComparer.Ordinal).ThenBy(r => r.Class, StringComparer.Ordinal).ToList();
            if (parse.GetValue(json)) { foreach (var r in rows) ConsoleOutput.JsonLine(r); return ExitCodes.Ok; }
            Console.Out.WriteLine("| set | class | pictures (no face) | abs yaw p10 / p50 / p90 | " + string.Join(" | ", limits.Select(l =>
                $"{l.Item1} flagged (yaw>{l.Item2.MaxYaw}, pitch>{l.Item2.MaxPitch}, roll>{l.Item2.MaxRoll})")) + " |");
            Console.Out.WriteLine("|---|---|---|---|" + string.Concat(limits.Select(_ => "---|")));
            foreach (var r in rows)
                Console.Out.WriteLine($"| {r.Set} | {r.Class} | {r.Pictures} ({r.NoFace}) | {r.YawP10:0} / {r.YawP50:0} / {r.YawP90:0} | "
                    + string.Join(" | ", r.FlaggedShare.Values.Select(v => $"{v:P0}")) + " |");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string R(double v) => Math.Round(v, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : Math.Round(sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)], 1);

    /// <summary>Group = the pose class, so the rows are classes; the attribute labels are unused here.</summary>
    private static List<AttributeSample> PoseSamples(string root, int lfwCount)
    {
        AttributeSample S(string file, string set, string cls) => new(file, set, cls, null, null, null, false);
        var list = new List<AttributeSample>();
        foreach (var set in new[] { "mtfl_headpose_classes", "inspireface", "facepose_net_renders" })
            list.AddRange(LabelsCsv.ReadRows(Path.Combine(root, "pose", set, "labels.csv")).Select(r =>
                S(r["file"], set, set == "facepose_net_renders" ? $"yaw {r["yaw_deg"]}°" : r["label"])));
        // MEDS mugshots are the closest to real ID photos here: what the ID-photo limits must let through.
        list.AddRange(LabelsCsv.ReadRows(Path.Combine(root, "id_photo/meds_mugshots_openmpf/labels.csv")).Select(r => S(r["file"], "meds_mugshots", r["label"])));
        var random = new Random(20261126);
        var lfw = LabelsCsv.ReadIdentities(Path.Combine(root, "identity/lfw/labels.csv"))
            .GroupBy(i => i.Identity).Select(g => g.First().File).Order(StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(lfwCount);
        list.AddRange(lfw.Select(f => S(f, "lfw", "frontal (news photos)")));
        return list;
    }
}
