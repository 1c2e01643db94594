using FaceVerify.Core.Liveness;

namespace FaceVerify.Cli.Liveness;

/// <summary>
/// Recipes measured for issue 13's last option: a small network of our own (<see cref="MlpFit"/>: one hidden layer,
/// dropout, weight decay, sources balanced as in the logistic head) on the features already cached, with and without
/// the gate and v1's print guard. Appended after the earlier recipes so their indices stay valid.
/// </summary>
internal static class LivenessNetworkRecipes
{
    private static readonly float[] Context = [2.7f];
    private static readonly float[] TwoScales = [2.7f, 1.4f];
    private static readonly LivenessInputLayout Unit = new() { Scales = Context, Cues = false, UnitHidden = true };
    private static readonly LivenessInputLayout UnitCues = new() { Scales = Context, UnitHidden = true };
    private static readonly LivenessInputLayout TwoCues = new() { Scales = TwoScales, UnitHidden = true };
    private static readonly MlpOptions Small = new();
    private static readonly MlpOptions Wide = new(Hidden: 32, Dropout: 0.5, WeightDecay: 1e-2, Members: 3);
    private static readonly MlpOptions Ensemble = new(Dropout: 0.5, WeightDecay: 1e-2, Members: 3);
    private static readonly MlpOptions Narrow = new(Hidden: 8, WeightDecay: 3e-2);
    private static readonly MlpOptions Noisy = new(InputNoise: 0.5);
    private static readonly MlpOptions Robust = new(GroupDro: 0.05);
    private static readonly MlpOptions RobustNoisy = new(InputNoise: 0.5, GroupDro: 0.05);
    private static readonly MlpOptions NarrowStrong = new(Hidden: 8, WeightDecay: 0.1);
    private static readonly MlpOptions Decayed = new(Dropout: 0.5, WeightDecay: 3e-2);
    private static readonly MlpOptions NarrowRobust = new(Hidden: 8, WeightDecay: 3e-2, InputNoise: 0.5, GroupDro: 0.05);
    private static readonly LivenessInputLayout LogitsCues = new() { Scales = [2.7f, 2.0f, 1.4f, 1.0f], Hidden = false };
    private static readonly LivenessInputLayout TwoUnit = new() { Scales = TwoScales, Cues = false, UnitHidden = true };

    public static IReadOnlyList<HeadRecipe> All =>
    [
        new("gate 0.5, MLP16 on unit hidden@2.7 + missing AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Small),
        new("gate 0.5, MLP16 on unit hidden@2.7,1.4 + cues + missing AND v1 print margin >= -2, worst cell", TwoCues, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Small),
        new("gate 0.5, MLP16 on unit hidden@2.7,1.4 + cues + missing, worst cell", TwoCues, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, Mlp: Small),
        new("no gate, MLP16 on unit hidden@2.7,1.4 + cues + missing, worst cell", TwoCues, true, 0, Rule: ThresholdRule.WorstCell, Mlp: Small),
        new("no gate, MLP16 on unit hidden@2.7 + cues + missing, worst cell", UnitCues, true, 0, Rule: ThresholdRule.WorstCell, Mlp: Small),
        new("gate 0.5, 3x MLP32 (dropout 0.5, decay 0.01) on unit hidden@2.7,1.4 + cues + missing AND v1 print margin >= -2, worst cell", TwoCues, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Wide),
        new("gate 0.5, MLP16 on unit hidden@2.7 + missing AND v1 print margin >= -2, worst cells in turn", Unit, true, 0, Rule: ThresholdRule.WorstCellsInTurn, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Small),
        new("gate 0.5, MLP16 on unit hidden@2.7 + missing AND v1 print margin >= -2, worst cell, threshold on source folds", Unit, true, 0, FoldsBySource: true, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Small),
        new("gate 0.5, 3x MLP16 (dropout 0.5, decay 0.01) on unit hidden@2.7 + missing AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Ensemble),
        new("gate 0.5, MLP8 (decay 0.03) on unit hidden@2.7 + missing AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Narrow),
        new("gate 0.5, MLP16 on unit hidden@2.7,1.4 + missing AND v1 print margin >= -2, worst cell", TwoUnit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Small),
        new("gate 0.5, MLP16 fitted on face-filling pictures only, unit hidden@2.7 + missing AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, FitGatedOnly: true, PrintGuard: 2, GuardOnMargin: true, Mlp: Small),
        new("gate 0.5, MLP16 (input noise 0.5) on unit hidden@2.7 + missing AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Noisy),
        new("gate 0.5, MLP16 (group DRO 0.05) on unit hidden@2.7 + missing AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Robust),
        new("gate 0.5, MLP16 (input noise 0.5, group DRO 0.05) on unit hidden@2.7,1.4 + cues + missing AND v1 print margin >= -2, worst cell", TwoCues, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: RobustNoisy),
        new("gate 0.5, MLP8 (decay 0.1) on unit hidden@2.7 + missing AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: NarrowStrong),
        new("gate 0.5, MLP16 (dropout 0.5, decay 0.03) on unit hidden@2.7 + missing AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Decayed),
        new("gate 0.5, MLP8 (decay 0.03, input noise 0.5, group DRO 0.05) on unit hidden@2.7 + missing AND v1 print margin >= -2, worst cell", Unit, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: NarrowRobust),
        new("gate 0.5, MLP16 (dropout 0.5, decay 0.03) on logit@4 scales + cues + missing AND v1 print margin >= -2, worst cell", LogitsCues, true, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Decayed),
        new("gate 0.5, MLP16 (dropout 0.5, decay 0.03), one attack output, on unit hidden@2.7 + missing AND v1 print margin >= -2, worst cell", Unit, false, 0, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true, Mlp: Decayed),
    ];
}
