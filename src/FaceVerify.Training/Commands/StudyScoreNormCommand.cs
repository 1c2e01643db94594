using System.CommandLine;
using System.Globalization;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>study-score-norm [--cache F] [--gates F] [--topk 25,50,100] [--folds 5]</c>: raw cosine, parametric Z/T-norm
/// (impostor mean vector and covariance) and adaptive S-norm (top-K cohort) on the East Asian calibration people, folds
/// by person; the threshold of each is placed at FAR 0.1% of the worst group that can place it on the out-of-fold scores,
/// then the evaluation people (statistics fitted on all calibration people) and LFW folds 1–6 overall are measured there,
/// over all pairs and (with --gates, from match-gates) over the pairs whose probe passes the snapshot rules.
/// </summary>
internal static class StudyScoreNormCommand
{
    private static readonly string[] EastAsian = TrainMatchAdaptationCommand.EastAsian;

    public static Command Build()
    {
        var cache = new Option<string>("--cache") { DefaultValueFactory = _ => Path.Combine("artifacts", "match-vectors.bin"), Description = "Embedding cache (computed once)" };
        var gates = new Option<string?>("--gates") { Description = "match-gates output: also count TAR over pairs whose probe passes the snapshot rules" };
        var topK = new Option<string>("--topk") { DefaultValueFactory = _ => "25,50,100,200", Description = "AS-norm cohort sizes K" };
        var only = new Option<string?>("--only") { Description = "Comma-separated candidate names to run (default all)" };
        var folds = new Option<int>("--folds") { DefaultValueFactory = _ => 5 };
        var allPairs = new Option<bool>("--place-on-all-pairs")
        {
            Description = "Place the threshold on all calibration pairs scored with the statistics fitted on all calibration people (as policy 4 was placed) instead of on the out-of-fold scores",
        };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => MatchSets.DefaultSeed };
        var command = new Command("study-score-norm", "Score normalisation (parametric Z/T-norm, AS-norm) on East Asian people, folds by person") { cache, gates, topK, only, folds, allPairs, seed };
        command.SetAction(async (parse, ct) =>
        {
            var images = MatchSets.Build(SharedData.Root, parse.GetValue(seed));
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            var table = await MatchVectorCache.BuildAsync(images.Select(i => i.File).Distinct().ToList(), GroupedMatch.Extractor(provider), parse.GetValue(cache), ct);
            float[]? Plain(string file) => table.GetValueOrDefault(file)?.Plain;
            var reasons = parse.GetValue(gates) is { } g ? ProbeGate.Read(g) : null;
            provider.GetRequiredService<PolicyCatalog>().TryGet("default", out var policy);
            var calibration = images.Where(i => i.Split == MatchSets.Calibration).ToList();
            var evaluation = images.Where(i => i.Split == MatchSets.Evaluation).ToList();
            var groupOf = evaluation.GroupBy(i => i.File).ToDictionary(x => x.Key, x => x.First().Group);
            var lfw = images.Where(i => i.Group is MatchSets.LfwEastAsian or MatchSets.LfwOther).ToList();
            var chosen = parse.GetValue(only)?.Split(',').ToHashSet(StringComparer.Ordinal);
            var ks = parse.GetValue(topK)!.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture));
            foreach (var candidate in Candidates(ks).Where(c => chosen is null || chosen.Contains(c.Name)))
            {
                var outOfFold = ScoreNormStudy.OutOfFold(candidate, calibration, Plain, parse.GetValue(folds), parse.GetValue(seed));
                var own = GroupedMatch.Figures(outOfFold, threshold: 1);
                var (worstGroup, t) = GroupScores.Worst(own, GroupedMatch.Fars[0]);
                var atT = GroupedMatch.Figures(outOfFold, t);
                Console.Out.WriteLine($"== {candidate}: out of fold (calibration people), own FAR-0.1% point TAR: " +
                    string.Join(" ", EastAsian.Select(e => $"{e} {own.Single(f => f.Group == e).Points[0].Tar:P2}")) +
                    $" | worst {worstGroup} t={t:0.0000}, TAR/FAR there: " + string.Join(" ", EastAsian.Select(e => atT.Single(f => f.Group == e)).Select(f => $"{f.TarAtThreshold:P2}/{f.FarAtThreshold:P3}")));

                var stats = ScoreNormStudy.FitAll(candidate, calibration, Plain);
                var carried = images.Select(i => i.File).Distinct().ToDictionary(f => f, f => ScoreNormStudy.Carry(Plain(f), stats));
                if (parse.GetValue(allPairs))
                {
                    var calibrationGroup = calibration.GroupBy(i => i.File).ToDictionary(x => x.Key, x => x.First().Group);
                    var inSample = GroupedScores.FromLabels(calibration.Select(i => (i.File, i.Identity)).ToList(),
                        (file, _) => calibrationGroup[file], f => carried[f], NormalisedScore.Symmetric);
                    (worstGroup, t) = GroupScores.Worst(GroupedMatch.Figures(inSample, threshold: 1), GroupedMatch.Fars[0]);
                    var inSampleAtT = GroupedMatch.Figures(inSample, t);
                    Console.Out.WriteLine($"   placed on all calibration pairs: worst {worstGroup} t={t:0.0000}, calibration TAR/FAR there: " +
                        string.Join(" ", EastAsian.Select(e => inSampleAtT.Single(f => f.Group == e)).Select(f => $"{f.TarAtThreshold:P2}/{f.FarAtThreshold:P3}")));
                }
                var thresholds = candidate.Fit is null ? new[] { t, policy.MatchThreshold } : [t];
                foreach (var threshold in thresholds)
                {
                    Console.Out.WriteLine($"   evaluation people at t={threshold:0.0000} (statistics fitted on all calibration people):");
                    var evaluationScores = GroupedScores.FromLabels(evaluation.Select(i => (i.File, i.Identity)).ToList(),
                        (file, _) => groupOf[file], f => carried[f], NormalisedScore.Symmetric);
                    foreach (var figure in GroupedMatch.Figures(evaluationScores, threshold)) Console.Out.WriteLine("   " + figure.Describe());
                    var (genuine, impostors, tar, far) = ScoreNormStudy.AllPairs(lfw.Select(i => (i.File, i.Identity)).ToList(), f => carried[f], threshold);
                    Console.Out.WriteLine($"   LFW folds 1-6 overall: {genuine} genuine / {impostors} impostor pairs: TAR {tar:P2} FAR {far:P4}");
                    if (reasons is null) continue;
                    foreach (var group in EastAsian)
                    {
                        var (judged, gatedTar) = ProbeGate.GatedTar(evaluation.Where(i => i.Group == group).ToList(), f => carried[f], NormalisedScore.Symmetric, threshold, reasons);
                        Console.Out.WriteLine($"   gated {group} evaluation: {judged} judged genuine directions, TAR {gatedTar:P2}");
                    }
                    var (lfwJudged, lfwGated) = ProbeGate.GatedTar(lfw, f => carried[f], NormalisedScore.Symmetric, threshold, reasons);
                    Console.Out.WriteLine($"   gated LFW folds 1-6 overall: {lfwJudged} judged genuine directions, TAR {lfwGated:P2}");
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IEnumerable<NormCandidate> Candidates(IEnumerable<int> ks)
    {
        // NUAA's live frames are 12 near-identical frames per person: they would weigh 5 people as 60 in a cohort.
        static bool EastAsianPictures(MatchImage i) => i.Group != MatchSets.NuaaLive;
        static bool WebPortraits(MatchImage i) => i.Group == MatchSets.AsianWeb;
        yield return new("raw", null, EastAsianPictures);
        static List<float[]> V(IReadOnlyList<(float[] Vector, string Group)> c) => c.Select(x => x.Vector).ToList();
        yield return new("param-mean", c => ParametricImpostorStatistics.Fit(V(c), meanOnly: true), EastAsianPictures);
        yield return new("param", c => ParametricImpostorStatistics.Fit(V(c)), EastAsianPictures);
        yield return new("param-web", c => ParametricImpostorStatistics.Fit(V(c)), WebPortraits);
        yield return new("param-mean-web", c => ParametricImpostorStatistics.Fit(V(c), meanOnly: true), WebPortraits);
        // Every source the same say, NUAA's frames included: its webcam captures are the kind the service reads.
        yield return new("param-mean-balanced", c => ParametricImpostorStatistics.Fit(V(c), meanOnly: true, ScoreNormStudy.PerGroupWeights(c)), _ => true);
        foreach (var share in new[] { 0.25, 0.5, 0.75 })
            yield return new($"param-mean-mix{share * 100:0}", c => ParametricImpostorStatistics.Fit(V(c), meanOnly: true, ScoreNormStudy.PerGroupWeights(c, share)), _ => true);
        yield return new("param-balanced", c => ParametricImpostorStatistics.Fit(V(c), meanOnly: false, ScoreNormStudy.PerGroupWeights(c)), _ => true);
        foreach (var k in ks) yield return new($"asnorm-{k}", c => new CohortImpostorStatistics(V(c), k), EastAsianPictures);
    }
}
