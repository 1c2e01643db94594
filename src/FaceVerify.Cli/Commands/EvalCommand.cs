using System.CommandLine;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Output;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary><c>eval --pairs CSV [--policy P] [--json]</c>: TAR at FAR, EER and accuracy at the policy threshold.</summary>
internal static class EvalCommand
{
    internal sealed record Result(int Pairs, int Failures, IReadOnlyDictionary<string, double> TarAtFar, double Eer, double Threshold, double AccuracyAtThreshold);

    public static Command Build()
    {
        var pairs = new Option<string>("--pairs") { Required = true, Description = "CSV with columns file_a,file_b,label (same/different), paths relative to the CSV" };
        var json = CommonOptions.Json();
        var policy = CommonOptions.Policy();
        var groups = GroupedMatch.Groups();
        var cache = GroupedMatch.Cache();
        var embedding = GroupedMatch.Embedding();
        var command = new Command("eval", "Evaluate matching on labelled pairs") { pairs, policy, json, groups, cache, embedding };
        command.SetAction(async (parse, ct) =>
        {
            var csv = parse.GetValue(pairs)!;
            if (!File.Exists(csv)) { ConsoleOutput.Error($"{csv}: no such file"); return ExitCodes.UsageOrUnreadable; }
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            if (!provider.GetRequiredService<PolicyCatalog>().TryGet(parse.GetValue(policy), out var options))
            { ConsoleOutput.Error($"no policy named '{parse.GetValue(policy)}'"); return ExitCodes.UsageOrUnreadable; }
            List<(string A, string B, bool Same)> rows;
            try { rows = PairsCsv.Read(csv); }
            catch (FormatException ex) { ConsoleOutput.Error(ex.Message); return ExitCodes.UsageOrUnreadable; }

            GroupsCsv? map = null;
            if (parse.GetValue(groups) is { } groupsCsv)
            {
                if (!File.Exists(groupsCsv)) { ConsoleOutput.Error($"{groupsCsv}: no such file"); return ExitCodes.UsageOrUnreadable; }
                try { map = GroupsCsv.Read(groupsCsv); }
                catch (FormatException ex) { ConsoleOutput.Error(ex.Message); return ExitCodes.UsageOrUnreadable; }
            }
            var files = rows.SelectMany(r => new[] { r.A, r.B }).Distinct().ToList();
            IReadOnlyDictionary<string, float[]?> table;
            if (map is null && parse.GetValue(cache) is null) table = await EmbeddingTable.BuildAsync(files, provider.GetRequiredService<IdentityExtractor>(), ct);
            else
            {
                var lookup = await GroupedMatch.EmbeddingsAsync(provider, files, parse.GetValue(cache), parse.GetValue(embedding), ct);
                table = files.ToDictionary(f => f, lookup);
            }
            var result = Evaluate(rows, table, options.MatchThreshold);
            var perGroup = map is null ? [] : GroupedMatch.Figures(GroupedScores.FromPairs(rows, f => map.Of(f), f => table[f]), options.MatchThreshold);
            if (parse.GetValue(json)) ConsoleOutput.JsonLine(result);
            else
            {
                Console.Out.WriteLine($"pairs {result.Pairs}, failures (no face) {result.Failures}");
                foreach (var (far, tar) in result.TarAtFar) Console.Out.WriteLine($"TAR at FAR {far}: {tar:P2}");
                Console.Out.WriteLine($"EER {result.Eer:P2}; accuracy at the policy threshold {result.Threshold:0.000}: {result.AccuracyAtThreshold:P2}");
            }
            GroupedMatch.Print(perGroup, parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static Result Evaluate(IReadOnlyList<(string A, string B, bool Same)> rows, IReadOnlyDictionary<string, float[]?> table, double threshold)
    {
        const double reject = -2;  // below any cosine: a pair with a missing face is always refused
        var failures = 0;
        var genuine = new List<double>();
        var impostors = new List<double>();
        foreach (var (a, b, same) in rows)
        {
            var score = table[a] is { } ea && table[b] is { } eb ? Similarity.Cosine(ea, eb) : reject;
            if (score == reject) failures++;
            (same ? genuine : impostors).Add(score);
        }
        var tar = new Dictionary<string, double>();
        foreach (var far in new[] { 0.01, 0.001 })
            tar[far.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Math.Round(RocMath.AcceptRate(genuine, RocMath.ThresholdAtFar(impostors, far)), 4);
        var correct = genuine.Count(s => s >= threshold) + impostors.Count(s => s < threshold);
        return new Result(rows.Count, failures, tar, Math.Round(RocMath.EqualErrorRate(genuine, impostors), 4), threshold, Math.Round(correct / (double)Math.Max(1, rows.Count), 4));
    }
}
