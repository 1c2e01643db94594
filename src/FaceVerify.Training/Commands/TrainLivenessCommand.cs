using System.CommandLine;
using System.Globalization;
using FaceVerify.Cli.Liveness;
using FaceVerify.Cli.Output;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;
using Microsoft.Extensions.DependencyInjection;
using FaceVerify.Contracts;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>train-liveness [--recipe N] [--explore] [--cache F] [--out F] [--seed N] [--folds K] [--json]</c>: liveness v2.
/// Measures every liveness picture once (cached), prints the leave-one-source-out table of the chosen head next to the
/// shipped fusion v1, fits the head on all but the test subset and writes models/liveness/head-v2-guard.json (docs/liveness.md).
/// <c>--explore</c> prints one LOSO line per candidate representation; <c>--explore-cnn</c> the same for the CNN on face crops. <c>--v1</c> and <c>--evaluate</c> keep the retired
/// fusion-v1 training and its held-out check (<c>--l2</c>, <c>--bpcer</c>, <c>--strict-bpcer</c>, <c>--msu-weight</c>, <c>--features-csv</c>).
/// </summary>
internal static class TrainLivenessCommand
{
    internal sealed record Protocol(string Name, string Scorer, double Threshold, IReadOnlyList<LivenessFigure> Figures);
    internal sealed record Result(string Weights, string Sha256, int Samples, int NoFace, double DefaultThreshold, double StrictThreshold, IReadOnlyList<Protocol> Protocols);

    public static Command Build()
    {
        var output = new Option<string?>("--out") { Description = "Weights file to write (default models/liveness/head-v2-guard.json; with --v1 or --evaluate models/liveness/fusion-v1.json)" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => LivenessDataSplit.DefaultSeed };
        var l2 = new Option<double>("--l2") { DefaultValueFactory = _ => 1.0, Description = "L2 penalty on standardised coefficients" };
        var folds = new Option<int>("--folds") { DefaultValueFactory = _ => 5 };
        var bpcer = new Option<double>("--bpcer") { DefaultValueFactory = _ => 0.03, Description = "Out-of-fold BPCER the default policy's threshold is set at, per set" };
        var strictBpcer = new Option<double>("--strict-bpcer") { DefaultValueFactory = _ => 0.10 };
        var msuWeight = new Option<double>("--msu-weight") { DefaultValueFactory = _ => 1.0, Description = "Extra weight of MSU-MFSD, the set filmed like an exam webcam" };
        var featuresCsv = new Option<string?>("--features-csv") { Description = "Also write every picture's features (no pixels) to this CSV, for analysis" };
        var evaluate = new Option<bool>("--evaluate") { Description = "Fit nothing: score an existing weights file (--out, default the shipped one) on the held-out split as the current pipeline measures it" };
        var cache = new Option<string?>("--cache") { Description = "Binary file keeping every picture's measurements (default artifacts/liveness-features.bin); reused when it matches the data" };
        var measureOnly = new Option<bool>("--measure-only") { Description = "Only measure the pictures into the cache" };
        var recipe = new Option<int>("--recipe") { DefaultValueFactory = _ => LivenessExperiments.Chosen, Description = "Which of the measured head recipes to train (index into the --explore list)" };
        var v1 = new Option<bool>("--v1") { Description = "Train the retired fusion v1 (hand-made cues + model log-odds) as before, on its own split" };
        var exploreFrom = new Option<int>("--explore-from") { Description = "With --explore: start at this recipe index" };
        var explore = new Option<bool>("--explore") { Description = "Measure every candidate representation by leave-one-source-out and print one line each" };
        var exploreCnn = new Option<bool>("--explore-cnn") { Description = "Measure the CNN of our own on face crops (crops cached in artifacts/liveness-crops.bin) by leave-one-source-out" };
        var json = CommonOptions.Json();
        var command = new Command("train-liveness", "Train the liveness fusion on the shared spoof sets and report APCER/BPCER") { output, seed, l2, folds, bpcer, strictBpcer, msuWeight, featuresCsv, evaluate, cache, measureOnly, explore, exploreFrom, exploreCnn, recipe, v1, json };
        command.SetAction(async (parse, ct) =>
        {
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            if (!parse.GetValue(v1) && !parse.GetValue(evaluate))
            {
                var cachePath = parse.GetValue(cache) ?? Path.Combine(LivenessExperiments.RepoRoot(), "artifacts", "liveness-features.bin");
                var measured = LivenessFeatureCache.Load(cachePath, LivenessSources.List(), provider, ct);
                Console.Error.WriteLine($"{measured.Count} pictures, {measured.Count(m => m.HasFace)} with a face (cache {cachePath})");
                if (parse.GetValue(measureOnly)) return ExitCodes.Ok;
                if (parse.GetValue(exploreCnn))
                {
                    var crops = LivenessCropCache.Load(Path.Combine(LivenessExperiments.RepoRoot(), "artifacts", "liveness-crops.bin"), measured.Select(m => m.Entry).ToList(), provider, ct);
                    LivenessCnnExperiment.Explore(measured, crops, parse.GetValue(folds), parse.GetValue(seed), Console.Out, parse.GetValue(exploreFrom));
                    return ExitCodes.Ok;
                }
                if (parse.GetValue(explore))
                {
                    LivenessExperiments.Explore(measured, parse.GetValue(folds), parse.GetValue(seed), Console.Out, parse.GetValue(exploreFrom));
                    return ExitCodes.Ok;
                }
                var trained = await HeadTraining.RunAsync(measured, LivenessExperiments.Recipes()[parse.GetValue(recipe)], parse.GetValue(folds), parse.GetValue(seed),
                    parse.GetValue(output) ?? Path.Combine(LivenessExperiments.RepoRoot(), "models", "liveness", "head-v2-guard.json"), ct);
                if (parse.GetValue(json)) ConsoleOutput.JsonLine(trained);
                else HeadTraining.Print(trained, Console.Out);
                return ExitCodes.Ok;
            }
            var entries = LivenessTrainingSet.List(parse.GetValue(seed));
            var (samples, noFace) = LivenessTrainingSet.Measure(entries, provider.GetRequiredService<IImageDecoder>(),
                provider.GetRequiredService<IFaceDetector>(), provider.GetRequiredService<PassiveLivenessScorer>(), ct);
            var trainer = new LivenessTrainer(parse.GetValue(l2), parse.GetValue(folds), parse.GetValue(seed), parse.GetValue(msuWeight));
            var path = parse.GetValue(output) ?? DefaultWeightsPath();
            var result = parse.GetValue(evaluate) ? Evaluate(samples, noFace.Count, path) : await TrainAsync(samples, noFace.Count, trainer, parse.GetValue(bpcer), parse.GetValue(strictBpcer), path, parse.GetValue(seed), parse.GetValue(l2), ct);
            if (parse.GetValue(featuresCsv) is { } csv) WriteFeatures(csv, samples, trainer.OutOfFold(samples));
            if (parse.GetValue(json)) ConsoleOutput.JsonLine(result);
            else Print(result);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Result> TrainAsync(List<LivenessSample> samples, int noFace, LivenessTrainer trainer, double bpcer, double strictBpcer, string path, int seed, double l2, CancellationToken ct)
    {
        var train = samples.Where(s => s.Split == "train").ToList();
        var test = samples.Where(s => s.Split == "test").ToList();
        var outOfFold = trainer.OutOfFold(train);
        var defaultThreshold = Probability(LivenessTrainer.ThresholdAtBpcer(train, outOfFold, bpcer));
        var strictThreshold = Probability(LivenessTrainer.ThresholdAtBpcer(train, outOfFold, strictBpcer));
        var modelOnlyThreshold = Probability(LivenessTrainer.ThresholdAtBpcer(train, ModelLogits(train), bpcer));

        var weights = trainer.Fit(train) with
        {
            OperatingPoints = new() { ["default"] = defaultThreshold, ["strict"] = strictThreshold },
            Training = new()
            {
                ["command"] = $"faceverify train-liveness --seed {seed} --l2 {l2.ToString(CultureInfo.InvariantCulture)} --bpcer {bpcer.ToString(CultureInfo.InvariantCulture)} --strict-bpcer {strictBpcer.ToString(CultureInfo.InvariantCulture)}",
                ["data"] = string.Join(", ", LivenessTrainingSet.Sets) + " (split = train: MSU-MFSD train clients, a seeded half of CelebA-Spoof, the small sets)",
                ["operatingPoints"] = $"default: out-of-fold BPCER <= {bpcer} on every set with >= 10 live pictures; strict: <= {strictBpcer}",
                ["samples"] = train.Count.ToString(CultureInfo.InvariantCulture),
            },
        };
        var sha = await WeightsFile.WriteAsync(path, weights.ToJson(), ct);
        // Scores below are from the written (rounded) weights: the figures are those of the shipped file.
        var shipped = LivenessFusionWeights.Parse(File.ReadAllBytes(path));

        var allOutOfFold = trainer.OutOfFold(samples);
        var protocols = new List<Protocol>
        {
            new("train split, out-of-fold by person (model selection)", "fused", defaultThreshold, LivenessFigures.At(train, outOfFold.Select(Probability).ToList(), defaultThreshold)),
            new("held-out test split", "fused", defaultThreshold, LivenessFigures.At(test, test.Select(s => Probability(shipped.Logit(s.Features))).ToList(), defaultThreshold)),
            new("held-out test split", "model only (threshold at the same train BPCER)", modelOnlyThreshold, LivenessFigures.At(test, ModelScores(test), modelOnlyThreshold)),
            new("held-out test split", "model only (0.5)", 0.5, LivenessFigures.At(test, ModelScores(test), 0.5)),
            new("cross-validated by person, all data", "fused", defaultThreshold, LivenessFigures.At(samples, allOutOfFold.Select(Probability).ToList(), defaultThreshold)),
            new("cross-validated by person, all data", "model only (threshold at the same train BPCER)", modelOnlyThreshold, LivenessFigures.At(samples, ModelScores(samples), modelOnlyThreshold)),
        };
        return new Result(path, sha, samples.Count, noFace, defaultThreshold, strictThreshold, protocols);
    }

    /// <summary>
    /// The held-out figures of a weights file as this checkout's pipeline measures the pictures: the check that
    /// shipped weights still hold after a change to detection or the cues, without refitting them.
    /// </summary>
    private static Result Evaluate(List<LivenessSample> samples, int noFace, string path)
    {
        var bytes = File.ReadAllBytes(path);
        var weights = LivenessFusionWeights.Parse(bytes);
        var defaultThreshold = weights.OperatingPoints["default"];
        var strictThreshold = weights.OperatingPoints["strict"];
        var test = samples.Where(s => s.Split == "test").ToList();
        var scores = test.Select(s => Probability(weights.Logit(s.Features))).ToList();
        var protocols = new List<Protocol>
        {
            new("held-out test split", "fused", defaultThreshold, LivenessFigures.At(test, scores, defaultThreshold)),
            new("held-out test split", "fused, strict", strictThreshold, LivenessFigures.At(test, scores, strictThreshold)),
        };
        return new Result(path, Sha256Hex.Of(bytes), samples.Count, noFace, defaultThreshold, strictThreshold, protocols);
    }

    /// <summary>Features and the out-of-fold fused log-odds (cross-validated by person over all data) of every picture.</summary>
    private static void WriteFeatures(string path, IReadOnlyList<LivenessSample> samples, double[] outOfFold) =>
        File.WriteAllLines(path, samples.Select((s, i) => string.Join(',', new[] { LivenessFigures.ShortName(s.Dataset), Path.GetFileName(s.File), s.Attack, s.Person, s.Split }
            .Concat(s.Features.Append(outOfFold[i]).Select(f => f.ToString("0.######", CultureInfo.InvariantCulture)))))
            .Prepend(string.Join(',', new[] { "dataset", "file", "attack", "person", "split" }.Concat(LivenessFeatures.Names).Append("outOfFoldLogit"))));

    private static List<double> ModelLogits(IEnumerable<LivenessSample> samples) => samples.Select(s => s.Features[0]).ToList();
    private static List<double> ModelScores(IEnumerable<LivenessSample> samples) => samples.Select(s => Probability(s.Features[0])).ToList();
    private static double Probability(double logit) => Math.Floor(LivenessFeatures.Sigmoid(logit) * 10000) / 10000;

    private static string DefaultWeightsPath() => Path.Combine(LivenessExperiments.RepoRoot(), "models", "liveness", "fusion-v1.json");

    private static void Print(Result result)
    {
        Console.Out.WriteLine($"{result.Samples} pictures with a face ({result.NoFace} without); weights {result.Weights} sha256 {result.Sha256}");
        Console.Out.WriteLine($"thresholds: default {result.DefaultThreshold:0.0000}, strict {result.StrictThreshold:0.0000}");
        foreach (var p in result.Protocols)
        {
            Console.Out.WriteLine($"\n{p.Name}: {p.Scorer} at {p.Threshold:0.0000}");
            Console.Out.WriteLine("| set | attack | n | rate |");
            Console.Out.WriteLine("|---|---|---:|---:|");
            foreach (var f in p.Figures) Console.Out.WriteLine($"| {f.Dataset} | {f.Attack} | {f.Count} | {f.Kind} {f.ErrorRate:P1} |");
        }
    }
}
