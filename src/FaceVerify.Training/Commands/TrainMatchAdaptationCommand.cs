using System.CommandLine;
using System.Globalization;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>train-match-adaptation [--cache F] [--folds 5] [--seed N]</c>: compares the embedding variants (mirror, second
/// alignment) and linear adaptations (centring, whitening, WCCN, with shrinkage) on the East Asian calibration people,
/// folds by person, then scores the best one on the evaluation people and LFW folds 1–6 at its worst-group threshold.
/// </summary>
internal static class TrainMatchAdaptationCommand
{
    internal static readonly string[] EastAsian = [MatchSets.AsianWeb, MatchSets.LfwEastAsian, MatchSets.CasiaWebcam, MatchSets.RmfdCrops, MatchSets.NuaaLive];

    public static Command Build()
    {
        var cache = new Option<string>("--cache") { DefaultValueFactory = _ => Path.Combine("artifacts", "match-vectors.bin"), Description = "Embedding cache (computed once)" };
        var folds = new Option<int>("--folds") { DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => MatchSets.DefaultSeed };
        var command = new Command("train-match-adaptation", "Compare embedding variants and linear adaptations on East Asian people (folds by person)") { cache, folds, seed };
        command.SetAction(async (parse, ct) =>
        {
            var images = MatchSets.Build(SharedData.Root, parse.GetValue(seed));
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            var vectors = await MatchVectorCache.BuildAsync(images.Select(i => i.File).Distinct().ToList(), GroupedMatch.Extractor(provider), parse.GetValue(cache), ct);
            var calibration = images.Where(i => i.Split == MatchSets.Calibration).ToList();
            var results = new List<CandidateFigures>();
            foreach (var candidate in Candidates())
            {
                var figures = MatchAdaptationStudy.Evaluate(candidate, calibration, vectors, parse.GetValue(folds), parse.GetValue(seed));
                results.Add(figures);
                Console.Out.WriteLine($"{candidate,-28} own FAR-0.1% point: " + string.Join(" ", EastAsian.Select(g => $"{figures.TarAtOwnPoint(g):P1}")) +
                    $" | worst {figures.WorstGroup} t={figures.WorstThreshold:0.0000}: " + string.Join(" ", EastAsian.Select(g => $"{figures.TarAtWorst(g):P1}")) +
                    $" pooled {figures.PooledTarAtWorst:P2}");
            }
            Console.Out.WriteLine("TAR per group in the order " + string.Join(", ", EastAsian) + "; pooled = all their genuine pairs");
            var best = results.MaxBy(r => r.PooledTarAtWorst)!;
            Console.Out.WriteLine($"best out of fold: {best.Candidate} (pooled TAR {best.PooledTarAtWorst:P2} at its worst-group threshold {best.WorstThreshold:0.0000})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IEnumerable<AdaptationCandidate> Candidates()
    {
        foreach (var variant in Enum.GetValues<EmbeddingVariant>())
        {
            yield return new(variant, null, 0);
            yield return new(variant, AdaptationKind.Centre, 0);
            foreach (var kind in new[] { AdaptationKind.Whiten, AdaptationKind.Wccn })
                foreach (var shrinkage in new[] { 0.2, 0.5, 0.8 }) yield return new(variant, kind, shrinkage);
        }
    }
}
