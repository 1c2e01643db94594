using FaceVerify.Core.Liveness;

namespace FaceVerify.Cli.Liveness;

/// <summary>
/// Issue 13's option (b): a CNN of our own (<see cref="TinyCnn"/>) on the face and context crops
/// (<see cref="LivenessCropCache"/>) as the head for faces that fill the frame, measured by the same
/// leave-one-source-out protocol as every other head (<c>train-liveness --explore-cnn</c>).
/// </summary>
internal static class LivenessCnnExperiment
{
    private static readonly LivenessInputLayout Unit = new() { Scales = [2.7f], Cues = false, UnitHidden = true };

    public static IReadOnlyList<HeadRecipe> Recipes() =>
    [
        new("gate 0.5, CNN 8/16/16 on 24x24 face + context crops (augmented) AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Cnn: new CnnOptions()),
        new("gate 0.5, CNN 8/16/16 on 24x24 face + context crops (augmented), worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, Cnn: new CnnOptions()),
        new("gate 0.5, CNN 16/32/32, 20 epochs, on 24x24 face + context crops (augmented) AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Cnn: new CnnOptions(Epochs: 20, C1: 16, C2: 32, C3: 32)),
        new("gate 0.5, CNN 8/16/16 without augmentation AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Cnn: new CnnOptions(Augment: false)),
        new("gate 0.5, CNN 8/16/16 (decay 0.01) AND v1 print margin >= -2, worst cells in turn", Unit, true, 0, Rule: ThresholdRule.WorstCellsInTurn, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Cnn: new CnnOptions(WeightDecay: 0.01)),
    ];

    public static void Explore(IReadOnlyList<LivenessMeasurement> measured, float[]?[] crops, int folds, int seed, TextWriter output, int from = 0)
    {
        var byFile = measured.Select((m, i) => (m.Entry.File, Crop: crops[i])).ToDictionary(t => t.File, t => t.Crop, StringComparer.Ordinal);
        foreach (var recipe in Recipes().Skip(from))
        {
            // The same pictures, gate inputs and guard as the other heads; the head itself reads the crop planes.
            var samples = LivenessExperiments.Samples(measured, recipe.Layout)
                .Where(s => byFile[s.Entry.File] is not null)
                .Select(s => s with { X = byFile[s.Entry.File]!.Select(v => (double)v).ToArray() }).ToList();
            output.WriteLine($"{samples.Count} pictures with a face and a crop");
            LivenessExperiments.Report(recipe, samples, folds, seed, output);
        }
    }
}
