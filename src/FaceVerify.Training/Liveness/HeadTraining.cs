using System.Globalization;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Liveness;

namespace FaceVerify.Cli.Liveness;

/// <summary>One row of the printed table: a held-out source's cell, today's (fusion v1) next to the new head's.</summary>
internal sealed record LosoRow(string Source, string Attack, int Count, string Kind, double? Today, double Loso, double Bound, bool Judged, bool Meets);

internal sealed record HeadTrainingResult(string Weights, string Sha256, string Recipe, int Samples, int NoFace, double DefaultThreshold, double StrictThreshold,
    IReadOnlyList<LosoRow> Loso, IReadOnlyList<LosoCell> TestSubset, IReadOnlyList<LosoCell> CelebaV1HeldOutHalf, IReadOnlyList<StepUpCell> StepUp,
    IReadOnlyList<StepUpOracleCell> StepUpOracle);

/// <summary>
/// <c>train-liveness</c>: the leave-one-source-out table of the chosen head next to the shipped fusion v1, then the
/// head fitted on every picture but the test subset (<see cref="LivenessSplits.TestSubset"/>), its operating points
/// from out-of-fold scores of those training pictures only, written as the new weights file.
/// </summary>
internal static class HeadTraining
{
    public static async Task<HeadTrainingResult> RunAsync(IReadOnlyList<LivenessMeasurement> measured, HeadRecipe recipe, int folds, int seed, string path, CancellationToken ct)
    {
        if (recipe.PrintGuard is not null && !recipe.GuardOnMargin)
            throw new ArgumentException("the scorer applies the print guard on fusion v1's own scale only (GuardOnMargin); this recipe is for --explore", nameof(recipe));
        var trainer = new LivenessHeadTrainer(recipe, folds, seed);
        var samples = LivenessExperiments.Samples(measured, recipe.Layout);
        var today = LivenessExperiments.Today(measured).ToDictionary(c => (c.Source, c.Attack));
        var runs = new List<LosoRun>();
        var loso = LosoEvaluation.Run(trainer, samples, [], runs).Select(c => new LosoRow(c.Source, c.Attack, c.Count, c.Kind,
            today.TryGetValue((c.Source, c.Attack), out var t) ? Math.Round(t.Rate, 4) : null, Math.Round(c.Rate, 4), c.Bound, c.Judged, c.Meets)).ToList();

        // Drawn over every listed picture (with a face or not), as the tests draw it, so both hold out the same people.
        var entries = measured.Select(m => m.Entry).ToList();
        var subset = LivenessSplits.TestSubset(entries, seed);
        var heldFiles = entries.Where((_, i) => subset[i]).Select(e => e.File).ToHashSet(StringComparer.Ordinal);
        var heldOut = samples.Select(s => heldFiles.Contains(s.Entry.File)).ToArray();
        var train = samples.Where((_, i) => !heldOut[i]).ToList();
        var test = samples.Where((_, i) => heldOut[i]).ToList();
        var outOfFold = trainer.OutOfFold(train);
        var byHead = train.Select((x, i) => (x, i)).Where(t => recipe.HeadScores(t.x)).ToList();
        var headSamples = byHead.Select(t => t.x).ToList();
        var headScores = byHead.Select(t => recipe.Guarded(t.x, outOfFold[t.i])).ToList();
        var headDefault = recipe.Threshold(headSamples, headScores);
        var headStrict = Math.Max(headDefault, recipe.Threshold(headSamples, headScores, attackEmphasis: 2));
        // One policy threshold serves both parts: scores are margins over each part's own operating point, and the
        // head's margin is scaled so that its strict point lands where fusion v1's strict point does.
        var v1 = LivenessExperiments.FusionV1();
        var strictOffset = LivenessFeatures.Logit(v1.OperatingPoints["strict"]) - LivenessFeatures.Logit(v1.OperatingPoints["default"]);
        var weights = new LivenessHeadWeights
        {
            Version = 2,
            Layout = recipe.Layout,
            Gate = recipe.Gate,
            PrintGuard = recipe.PrintGuard,
            HeadThresholds = new() { ["default"] = Math.Round(headDefault, 6), ["strict"] = Math.Round(headStrict, 6) },
            Families = trainer.Fit(train),
            OperatingPoints = new() { ["default"] = 0.5, ["strict"] = Math.Floor(LivenessFeatures.Sigmoid(strictOffset) * 10000) / 10000 },
            Training = new()
            {
                ["command"] = $"faceverify train-liveness --seed {seed} --folds {folds} --recipe {LivenessExperiments.Recipes().ToList().IndexOf(recipe)} ({recipe.Name})",
                ["recipe"] = $"{recipe.Layout.Describe()}; {(recipe.TwoFamilies ? "print and screen families" : "one family")}; l2 {recipe.L2.ToString(CultureInfo.InvariantCulture)}; operating point {recipe.Rule}"
                    + (recipe.Gate is { } g ? $"; pictures with less than {g.ToString(CultureInfo.InvariantCulture)} of the 2.7x context missing keep fusion-v1.json" : "")
                    + (recipe.PrintGuard is { } k ? $"; on the others the margin is capped at fusion-v1.json's {LivenessHeadWeights.FlatPrintFamily} margin (in-image crop) + {k.ToString(CultureInfo.InvariantCulture)}" : ""),
                ["data"] = string.Join(", ", measured.Select(m => m.Entry.Dataset).Distinct()) + " (all but the test subset: a seeded fifth of the people of each source with five or more)",
                ["operatingPoints"] = "head thresholds (log-odds) from out-of-fold scores by person of the training pictures the head scores; the score is sigmoid of the margin over the part's own default threshold, so the policy's default is 0.5 for both parts",
                ["samples"] = train.Count.ToString(CultureInfo.InvariantCulture),
            },
        };
        var sha = await WeightsFile.WriteAsync(path, weights.ToJson(), ct);
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var shipped = LivenessHeadWeights.Parse(bytes);
        // The test subset scored by the written (rounded) weights, as the scorer will.
        var testCells = LosoEvaluation.Fixed(test.Select(s => (s.Entry, recipe.HeadScores(s) ? shipped.HeadMargin(s.X, strictOffset, s.V1PrintMargin) : s.V1Margin)).ToList(), 0);
        // Fusion v1's held-out CelebA-Spoof half (the README's CelebA figure) scored by the whole v2 scorer: tight prints there go to the head.
        var celeba = measured.Where(m => m.Entry.Source == "celeba_spoof").Select(m => (m.Entry.File, Label: m.Entry.Live ? "real" : "spoof")).ToList();
        var v1Half = LivenessDataSplit.TrainingHalf(celeba, seed);
        var halfCells = LosoEvaluation.Fixed(samples.Where(s => s.Entry.Source == "celeba_spoof" && !v1Half.Contains(s.Entry.File))
            .Select(s => (s.Entry, recipe.HeadScores(s) ? shipped.HeadMargin(s.X, strictOffset, s.V1PrintMargin) : s.V1Margin)).ToList(), 0);
        var defaultThreshold = weights.OperatingPoints["default"];
        var strictThreshold = weights.OperatingPoints["strict"];
        return new HeadTrainingResult(path, sha, recipe.Name, samples.Count, measured.Count(m => !m.HasFace),
            defaultThreshold, strictThreshold, loso, testCells, halfCells, LosoStepUp.Measure(runs), LosoStepUp.Oracle(runs));
    }

    public static void Print(HeadTrainingResult r, TextWriter output)
    {
        output.WriteLine($"{r.Samples} pictures with a face ({r.NoFace} without); recipe: {r.Recipe}");
        output.WriteLine($"weights {r.Weights} sha256 {r.Sha256}; thresholds: default {r.DefaultThreshold:0.0000}, strict {r.StrictThreshold:0.0000}");
        output.WriteLine("\nleave-one-source-out (each source scored by a head that never saw it, at the threshold chosen on the other sources' folds):");
        output.WriteLine("| held-out source | attack | n | rate | fusion-v1 today (0.3131) | new head, LOSO | bound | |");
        output.WriteLine("|---|---|---:|---|---:|---:|---:|---|");
        foreach (var x in r.Loso)
            output.WriteLine($"| {x.Source} | {x.Attack} | {x.Count} | {x.Kind} | {(x.Today is { } t ? t.ToString("P1", CultureInfo.InvariantCulture) : "")} | {x.Loso.ToString("P1", CultureInfo.InvariantCulture)} | {x.Bound.ToString("P0", CultureInfo.InvariantCulture)} | {(!x.Judged ? "n < 20" : x.Meets ? "ok" : "MISS")} |");
        LosoStepUpTable.Print(r.StepUp, r.StepUpOracle, output);
        output.WriteLine("\ntest subset (people the shipped head never saw), default threshold:");
        output.WriteLine("| source | attack | n | rate |");
        output.WriteLine("|---|---|---:|---:|");
        foreach (var c in r.TestSubset) output.WriteLine($"| {c.Source} | {c.Attack} | {c.Count} | {c.Kind} {c.Rate.ToString("P1", CultureInfo.InvariantCulture)} |");
        output.WriteLine("\nfusion v1's held-out CelebA-Spoof half (pictures with a face) under this scorer, default threshold:");
        foreach (var c in r.CelebaV1HeldOutHalf) output.WriteLine($"| {c.Source} | {c.Attack} | {c.Count} | {c.Kind} {c.Rate.ToString("P1", CultureInfo.InvariantCulture)} ({c.Errors}) |");
    }

}
