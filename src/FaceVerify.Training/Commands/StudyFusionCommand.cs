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
    private static readonly string[] EastAsian = TrainMatchAdaptationCommand.EastAsian;

    public static Command Build()
    {
        var cache = new Option<string>("--cache") { DefaultValueFactory = _ => Path.Combine("artifacts", "match-vectors.bin"), Description = "Cache of today's embedding" };
        var secondCache = new Option<string?>("--second-cache") { Description = "Cache of the second network's vectors (default artifacts/match-vectors-NETWORK.bin)" };
        var weights = new Option<string>("--weights") { DefaultValueFactory = _ => "0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1", Description = "MobileFaceNet's weights to compare" };
        var choose = new Option<double?>("--choose") { Description = "Weight chosen on the calibration people: print the evaluation people's figures for it" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => MatchSets.DefaultSeed };
        var network = new Option<string>("--network") { DefaultValueFactory = _ => "mobilefacenet", Description = "mobilefacenet, faceres or faceres-deep" };
        var model = new Option<string?>("--model") { Description = "The converted file (default artifacts/NETWORK.onnx, as models/tfjs-to-onnx.mjs writes it; sha256 pinned)" };
        var centre = new Option<bool>("--centre") { Description = "Subtract the calibration people's mean vector of the second network before its cosine" };
        var pilot = new Option<bool>("--pilot") { Description = "Compare MobileFaceNet's input scalings (and centring/whitening) alone, out of fold" };
        var command = new Command("study-fusion", "Score-level fusion of today's embedding with MobileFaceNet on East Asian people (calibration people choose)") { cache, secondCache, network, model, centre, weights, choose, seed, pilot };
        command.SetAction(async (parse, ct) =>
        {
            var images = MatchSets.Build(SharedData.Root, parse.GetValue(seed));
            var files = images.Select(i => i.File).Distinct().ToList();
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            var chosenNetwork = ConvertedNetwork.Named(parse.GetValue(network)!);
            using var onnx = chosenNetwork.Load(parse.GetValue(model) ?? Path.Combine("artifacts", $"{chosenNetwork.Name}.onnx"), provider.GetRequiredService<InferenceMeter>());
            if (parse.GetValue(pilot)) { await ScalingPilot.RunAsync(provider, onnx, images, parse.GetValue(seed), ct); return ExitCodes.Ok; }
            var first = await MatchVectorCache.BuildAsync(files, GroupedMatch.Extractor(provider), parse.GetValue(cache), ct);
            var second = await MatchVectorCache.BuildAsync(files, SecondExtractor(provider, chosenNetwork, onnx),
                parse.GetValue(secondCache) ?? Path.Combine("artifacts", $"match-vectors-{chosenNetwork.Name}.bin"), ct);
            var calibrationMean = parse.GetValue(centre) ? Mean(images.Where(i => i.Split == MatchSets.Calibration).Select(i => second[i.File]?.Plain)) : null;
            var secondVectors = second.ToDictionary(kv => kv.Key, kv => kv.Value is { } v ? calibrationMean is null ? v.Plain : Centred(v.Plain, calibrationMean) : null);
            (float[] First, float[] Second)? Both(string file) =>
                first[file] is { } a && secondVectors[file] is { } b ? (a.Plain, b) : null;

            var lfw = images.Where(i => i.Group is MatchSets.LfwEastAsian or MatchSets.LfwOther).Select(i => (i.File, i.Identity)).ToList();
            var lfwPairs = PairCosines.Of(lfw, Both);
            Console.Out.WriteLine($"LFW folds 1-6 overall: {lfw.Count} pictures, {lfwPairs.GenuinePairs} genuine / {lfwPairs.ImpostorPairs} impostor pairs");
            var calibration = images.Where(i => i.Split == MatchSets.Calibration).ToList();
            var evaluation = images.Where(i => i.Split == MatchSets.Evaluation).ToList();
            var thresholds = new Dictionary<double, (double Default, double Strict)>();
            foreach (var w in parse.GetValue(weights)!.Split(',').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)))
            {
                var fused = Fused(files, Both, w);
                var calibrationScores = Scores(calibration, fused);
                var figures = GroupedMatch.Figures(calibrationScores, threshold: 1);
                var (group, t) = GroupScores.Worst(figures, GroupedMatch.Fars[0]);
                var (_, strict) = GroupScores.Worst(figures, GroupedMatch.Fars[1]);
                thresholds[w] = (t, strict);
                var atT = GroupedMatch.Figures(calibrationScores, t);
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
                    var evaluationScores = Scores(evaluation, fused);
                    GroupedMatch.Print(GroupedMatch.Figures(evaluationScores, t.Default), json: false);
                    Console.Out.WriteLine($"evaluation people, w={w:0.00}, strict t={t.Strict:0.0000}:");
                    foreach (var f in GroupedMatch.Figures(evaluationScores, t.Strict)) Console.Out.WriteLine(f.Describe());
                    var (tar, far) = lfwPairs.At(w, t.Default);
                    var (tarStrict, farStrict) = lfwPairs.At(w, t.Strict);
                    Console.Out.WriteLine($"LFW overall w={w:0.00}: default TAR {tar:P2} FAR {far:P4}; strict TAR {tarStrict:P2} FAR {farStrict:P4}");
                }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The aligned crop's vector only (the mirrored and key-point slots repeat it): one run per picture.</summary>
    private static Func<ReadOnlyMemory<byte>, CancellationToken, MatchVectors?> SecondExtractor(IServiceProvider provider, ConvertedNetwork network, OnnxModel onnx)
    {
        var decoder = provider.GetRequiredService<IImageDecoder>();
        var detector = provider.GetRequiredService<IFaceDetector>();
        var landmarks = provider.GetRequiredService<ILandmarkDetector>();
        var embedder = new ConvertedEmbedder(onnx, network.Layout);
        return (bytes, ct) =>
        {
            if (decoder.Decode(bytes, ct).Image is not { } decoded) return null;
            if (detector.Detect(decoded.Image).MaxBy(f => f.Box.Area) is not { } largest) return null;
            var five = Landmarks.ToFive(landmarks.Detect(decoded.Image, largest.Box));
            var crop = network.Wide ? WideView.Of(decoded.Image, five) : SimilarityAligner.Align(decoded.Image, five);
            var v = embedder.Encode(crop).Embedding;
            return new MatchVectors(v, v, v);
        };
    }

    private static float[] Mean(IEnumerable<float[]?> vectors)
    {
        var present = vectors.OfType<float[]>().ToList();
        var mean = new float[present[0].Length];
        foreach (var v in present)
            for (var i = 0; i < mean.Length; i++) mean[i] += v[i] / present.Count;
        return mean;
    }

    private static float[] Centred(float[] v, float[] mean) => Similarity.Normalise(v.Select((x, i) => x - mean[i]).ToArray());

    private static Dictionary<string, float[]?> Fused(IEnumerable<string> files, Func<string, (float[] First, float[] Second)?> both, double w) =>
        files.ToDictionary(f => f, f => both(f) is { } v ? ScoreFusion.Fuse(v.First, v.Second, w) : null);

    private static SortedDictionary<string, GroupScores> Scores(IReadOnlyList<MatchImage> images, Dictionary<string, float[]?> vectors)
    {
        var groupOf = images.ToDictionary(i => i.File, i => i.Group);
        return GroupedScores.FromLabels(images.Select(i => (i.File, i.Identity)).ToList(), (file, _) => groupOf[file], f => vectors[f]);
    }
}
