using System.CommandLine;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>study-fusion [--cache F] [--second-cache F] [--weights 0,0.1,…] [--choose W]</c>: today's embedding, MobileFaceNet
/// (converted by models/tfjs-to-onnx.mjs, --model) alone, and their score-level fusion at each weight, on the East Asian CALIBRATION people:
/// the web portraits' FAR-0.1% threshold (the rule of docs/matching.md), TAR there per group (all calibration pairs, and
/// out of fold: pairs inside 5 folds by person), and LFW folds 1–6 overall TAR at that threshold. <c>--choose W</c>
/// then prints the evaluation people's figures for weights 0 and W at the thresholds placed on the calibration people.
/// </summary>
internal static class StudyFusionCommand
{
    private static readonly string[] EastAsian = [MatchSets.AsianWeb, MatchSets.LfwEastAsian, MatchSets.CasiaWebcam, MatchSets.RmfdCrops, MatchSets.NuaaLive];

    public static Command Build()
    {
        var cache = new Option<string>("--cache") { DefaultValueFactory = _ => Path.Combine("artifacts", "match-vectors.bin"), Description = "Cache of today's embedding" };
        var secondCache = new Option<string>("--second-cache") { DefaultValueFactory = _ => Path.Combine("artifacts", "match-vectors-mobilefacenet.bin"), Description = "Cache of MobileFaceNet's" };
        var weights = new Option<string>("--weights") { DefaultValueFactory = _ => "0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1", Description = "MobileFaceNet's weights to compare" };
        var choose = new Option<double?>("--choose") { Description = "Weight chosen on the calibration people: print the evaluation people's figures for it" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => MatchSets.DefaultSeed };
        var model = new Option<string>("--model") { DefaultValueFactory = _ => Path.Combine("artifacts", "mobilefacenet.onnx"), Description = "mobilefacenet.onnx as models/tfjs-to-onnx.mjs writes it (sha256 pinned)" };
        var pilot = new Option<bool>("--pilot") { Description = "Compare MobileFaceNet's input scalings (and centring/whitening) alone, out of fold" };
        var command = new Command("study-fusion", "Score-level fusion of today's embedding with MobileFaceNet on East Asian people (calibration people choose)") { cache, secondCache, model, weights, choose, seed, pilot };
        command.SetAction(async (parse, ct) =>
        {
            var images = MatchSets.Build(SharedData.Root, parse.GetValue(seed));
            var files = images.Select(i => i.File).Distinct().ToList();
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            using var network = ConvertedEmbedder.LoadMobileFaceNet(parse.GetValue(model)!, provider.GetRequiredService<InferenceMeter>());
            if (parse.GetValue(pilot)) { await ScalingPilot.RunAsync(provider, network, images, parse.GetValue(seed), ct); return ExitCodes.Ok; }
            var first = await MatchVectorCache.BuildAsync(files, GroupedMatch.Extractor(provider), parse.GetValue(cache), ct);
            var secondExtractor = new MatchVectorExtractor(provider.GetRequiredService<IImageDecoder>(), provider.GetRequiredService<IFaceDetector>(),
                provider.GetRequiredService<ILandmarkDetector>(), provider.GetRequiredService<IFaceKeypointDetector>(), new ConvertedEmbedder(network, ConvertedEmbedder.Symmetric));
            var second = await MatchVectorCache.BuildAsync(files, secondExtractor, parse.GetValue(secondCache), ct);
            (float[] First, float[] Second)? Both(string file) =>
                first[file] is { } a && second[file] is { } b ? (a.Plain, b.Plain) : null;

            var lfw = images.Where(i => i.Group is MatchSets.LfwEastAsian or MatchSets.LfwOther).Select(i => (i.File, i.Identity)).ToList();
            var lfwPairs = PairCosines.Of(lfw, Both);
            Console.Out.WriteLine($"LFW folds 1-6 overall: {lfw.Count} pictures, {lfwPairs.GenuinePairs} genuine / {lfwPairs.ImpostorPairs} impostor pairs");
            var calibration = images.Where(i => i.Split == MatchSets.Calibration).ToList();
            var evaluation = images.Where(i => i.Split == MatchSets.Evaluation).ToList();
            var thresholds = new Dictionary<double, (double Default, double Strict)>();
            foreach (var w in parse.GetValue(weights)!.Split(',').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)))
            {
                var fused = Fused(files, Both, w);
                var figures = GroupedMatch.Figures(Scores(calibration, fused), threshold: 1);
                var (group, t) = GroupScores.Worst(figures, GroupedMatch.Fars[0]);
                var (_, strict) = GroupScores.Worst(figures, GroupedMatch.Fars[1]);
                thresholds[w] = (t, strict);
                var atT = GroupedMatch.Figures(Scores(calibration, fused), t);
                var outOfFold = MatchAdaptationStudy.Evaluate(new AdaptationCandidate(EmbeddingVariant.Plain, null, 0), calibration,
                    fused.ToDictionary(kv => kv.Key, kv => kv.Value is { } v ? new MatchVectors(v, v, v) : null), 5, parse.GetValue(seed));
                var (lfwTar, lfwFar) = lfwPairs.At(w, t);
                var (lfwTarStrict, _) = lfwPairs.At(w, strict);
                Console.Out.WriteLine($"w={w:0.00} calibration worst {group} FAR-0.1% t={t:0.0000} (0.01%: {strict:0.0000}) TAR there: " +
                    string.Join(" ", EastAsian.Select(g => $"{g} {atT.Single(f => f.Group == g).TarAtThreshold:P2}")) +
                    " | out of fold, own FAR-0.1% point: " + string.Join(" ", EastAsian.Select(g => $"{outOfFold.TarAtOwnPoint(g):P1}")) +
                    $" | LFW overall at t: TAR {lfwTar:P2} FAR {lfwFar:P4}; at strict TAR {lfwTarStrict:P2}");
            }
            if (parse.GetValue(choose) is { } chosen)
                foreach (var w in new[] { 0, chosen })
                {
                    if (!thresholds.TryGetValue(w, out var t)) { Console.Error.WriteLine($"weight {w} was not in --weights"); return ExitCodes.UsageOrUnreadable; }
                    var fused = Fused(files, Both, w);
                    Console.Out.WriteLine($"evaluation people, w={w:0.00}, default t={t.Default:0.0000} (from the calibration people):");
                    GroupedMatch.Print(GroupedMatch.Figures(Scores(evaluation, fused), t.Default), json: false);
                    Console.Out.WriteLine($"evaluation people, w={w:0.00}, strict t={t.Strict:0.0000}:");
                    foreach (var f in GroupedMatch.Figures(Scores(evaluation, fused), t.Strict)) Console.Out.WriteLine(f.Describe());
                    var (tar, far) = lfwPairs.At(w, t.Default);
                    var (tarStrict, farStrict) = lfwPairs.At(w, t.Strict);
                    Console.Out.WriteLine($"LFW overall w={w:0.00}: default TAR {tar:P2} FAR {far:P4}; strict TAR {tarStrict:P2} FAR {farStrict:P4}");
                }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Dictionary<string, float[]?> Fused(IEnumerable<string> files, Func<string, (float[] First, float[] Second)?> both, double w) =>
        files.ToDictionary(f => f, f => both(f) is { } v ? ScoreFusion.Fuse(v.First, v.Second, w) : null);

    private static SortedDictionary<string, GroupScores> Scores(IReadOnlyList<MatchImage> images, Dictionary<string, float[]?> vectors)
    {
        var groupOf = images.ToDictionary(i => i.File, i => i.Group);
        return GroupedScores.FromLabels(images.Select(i => (i.File, i.Identity)).ToList(), (file, _) => groupOf[file], f => vectors[f]);
    }
}
