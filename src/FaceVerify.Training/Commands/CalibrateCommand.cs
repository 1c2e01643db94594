using System.CommandLine;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Output;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>calibrate-match --labels CSV [--far F]... [--json]</c>: the match threshold at a target FAR from every
/// cross-identity pair of a labelled image set. A pairs list such as LFW View 2 has too few impostor
/// pairs to set a FAR-0.1% threshold; all cross pairs of 4,500 images give ten million.
/// </summary>
internal static class CalibrateCommand
{
    internal sealed record Operating(double Far, double Threshold, double Tar);
    internal sealed record Result(int Images, int Failures, long GenuinePairs, long ImpostorPairs, IReadOnlyList<Operating> Points);

    public static Command Build()
    {
        var labels = new Option<string>("--labels") { Required = true, Description = "CSV with file and identity (or label) columns, paths relative to the CSV" };
        var fars = new Option<double[]>("--far") { DefaultValueFactory = _ => [0.01, 0.001, 0.0001] };
        var json = CommonOptions.Json();
        var groups = GroupedMatch.Groups();
        var cache = GroupedMatch.Cache();
        var embedding = GroupedMatch.Embedding();
        var policy = CommonOptions.Policy();
        var command = new Command("calibrate-match", "Match thresholds at target false-accept rates from all cross-identity pairs") { labels, fars, json, groups, cache, embedding, policy };
        command.SetAction(async (parse, ct) =>
        {
            var csv = parse.GetValue(labels)!;
            if (!File.Exists(csv)) { ConsoleOutput.Error($"{csv}: no such file"); return ExitCodes.UsageOrUnreadable; }
            var images = LabelsCsv.ReadIdentities(csv);
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            if (parse.GetValue(groups) is { } groupsCsv)
                return await CalibrateByGroupAsync(provider, images, groupsCsv, parse.GetValue(cache), parse.GetValue(embedding), parse.GetValue(policy), parse.GetValue(json), ct);
            var table = await EmbeddingTable.BuildAsync(images.Select(i => i.File).Distinct().ToList(), provider.GetRequiredService<IdentityExtractor>(), ct);
            var result = Calibrate(images, table, parse.GetValue(fars)!);
            if (parse.GetValue(json)) ConsoleOutput.JsonLine(result);
            else
            {
                Console.Out.WriteLine($"{result.Images} images ({result.Failures} without a face), {result.GenuinePairs} genuine and {result.ImpostorPairs} impostor pairs");
                foreach (var p in result.Points) Console.Out.WriteLine($"FAR {p.Far}: threshold {p.Threshold:0.0000}, TAR {p.Tar:P2}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> CalibrateByGroupAsync(IServiceProvider provider, List<(string File, string Identity)> images, string groupsCsv,
        string? cache, EmbeddingVariant variant, string? policyName, bool json, CancellationToken ct)
    {
        if (!File.Exists(groupsCsv)) { ConsoleOutput.Error($"{groupsCsv}: no such file"); return ExitCodes.UsageOrUnreadable; }
        if (!provider.GetRequiredService<FaceVerify.Core.Policy.PolicyCatalog>().TryGet(policyName, out var policy))
        { ConsoleOutput.Error($"no policy named '{policyName}'"); return ExitCodes.UsageOrUnreadable; }
        GroupsCsv map;
        try { map = GroupsCsv.Read(groupsCsv); }
        catch (FormatException ex) { ConsoleOutput.Error(ex.Message); return ExitCodes.UsageOrUnreadable; }
        var embeddings = await GroupedMatch.EmbeddingsAsync(provider, images.Select(i => i.File).Distinct().ToList(), cache, variant, ct);
        GroupedMatch.Print(GroupedMatch.Figures(GroupedScores.FromLabels(images, map.Of, embeddings), policy.MatchThreshold), json);
        return ExitCodes.Ok;
    }

    internal static Result Calibrate(IReadOnlyList<(string File, string Identity)> images, IReadOnlyDictionary<string, float[]?> table, double[] fars)
    {
        var usable = images.Where(i => table[i.File] is not null).ToList();
        var genuine = new List<double>();
        var impostors = new List<double>();
        for (var i = 0; i < usable.Count; i++)
        {
            var ei = table[usable[i].File]!;
            for (var j = i + 1; j < usable.Count; j++)
            {
                var s = Similarity.Cosine(ei, table[usable[j].File]!);
                (usable[i].Identity == usable[j].Identity ? genuine : impostors).Add(s);
            }
        }
        var sorted = impostors.OrderByDescending(s => s).ToArray();  // once: ten million LFW pairs
        var points = fars.Select(far =>
        {
            var t = RocMath.ThresholdAtFarSorted(sorted, far);
            return new Operating(far, Math.Round(t, 4), Math.Round(RocMath.AcceptRate(genuine, t), 4));
        }).ToList();
        return new Result(images.Count, images.Count - usable.Count, genuine.Count, impostors.Count, points);
    }
}
