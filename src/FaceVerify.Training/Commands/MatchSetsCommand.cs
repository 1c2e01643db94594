using System.CommandLine;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Output;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>match-sets --out DIR [--seed N]</c>: writes the label/group CSVs of the matching fairness sets from shared/data
/// (absolute paths, no picture copied): <c>all.csv</c>, <c>calibration.csv</c> (East Asian people that choose
/// thresholds), <c>evaluation.csv</c> (the others, only measured), <c>lfw-overall.csv</c> (LFW folds 1–6 as one group), each with columns file,identity,group,split, usable
/// as both <c>--labels</c> and <c>--groups</c>.
/// </summary>
internal static class MatchSetsCommand
{
    public static Command Build()
    {
        var output = new Option<string>("--out") { Required = true, Description = "Folder for the CSVs (e.g. artifacts/match-sets)" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => MatchSets.DefaultSeed, Description = "Seed of the by-person split" };
        var command = new Command("match-sets", "Write the labelled East Asian and LFW matching sets with a by-person calibration/evaluation split") { output, seed };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            List<MatchImage> images;
            try { images = MatchSets.Build(SharedData.Root, parse.GetValue(seed)); }
            catch (Exception ex) when (ex is IOException or FormatException or KeyNotFoundException)
            { ConsoleOutput.Error($"cannot read the shared data under {SharedData.Root}: {ex.Message}"); return ExitCodes.UsageOrUnreadable; }
            Directory.CreateDirectory(folder);
            Write(Path.Combine(folder, "all.csv"), images);
            Write(Path.Combine(folder, "calibration.csv"), images.Where(i => i.Split == MatchSets.Calibration));
            Write(Path.Combine(folder, "evaluation.csv"), images.Where(i => i.Split == MatchSets.Evaluation));
            // LFW folds 1–6 as one group, East Asian or not: the overall figure the default threshold must keep.
            Write(Path.Combine(folder, "lfw-overall.csv"), images.Where(i => i.Group is MatchSets.LfwEastAsian or MatchSets.LfwOther).Select(i => i with { Group = "lfw_overall" }));
            foreach (var g in images.GroupBy(i => (i.Group, i.Split)).OrderBy(g => g.Key))
                Console.Out.WriteLine($"{g.Key.Group} {g.Key.Split}: {g.Select(i => i.Identity).Distinct().Count()} people, {g.Count()} images");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(string path, IEnumerable<MatchImage> images) =>
        File.WriteAllLines(path, images.Select(i => $"{i.File},{i.Identity},{i.Group},{i.Split}").Prepend("file,identity,group,split"));
}
