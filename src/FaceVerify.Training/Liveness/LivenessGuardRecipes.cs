using FaceVerify.Core.Liveness;

namespace FaceVerify.Cli.Liveness;

/// <summary>
/// Recipes measured after v2 to remove its CelebA print regression (tight CelebA prints routed to the head pass):
/// print/screen cues on the in-image crop as extra head inputs, the head fitted on face-filling pictures only, two
/// crop scales, other gates, and a conjunction with fusion v1's print-photographed family.
/// Appended after the earlier recipes so their indices (and the manifest's training command) stay valid.
/// </summary>
internal static class LivenessGuardRecipes
{
    private static readonly float[] Context = [2.7f];
    private static readonly float[] TwoScales = [2.7f, 1.4f];
    private static readonly LivenessInputLayout Unit = new() { Scales = Context, Cues = false, UnitHidden = true };
    private static readonly LivenessInputLayout UnitCues = new() { Scales = Context, UnitHidden = true };

    public static IReadOnlyList<HeadRecipe> All =>
    [
        new("gate 0.5, unit hidden@2.7 + cues + missing head, worst cell", UnitCues, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5),
        new("gate 0.5, unit hidden@2.7 + cues + missing head, l2 1, worst cell", UnitCues, true, 1, Rule: ThresholdRule.WorstCell, Gate: 0.5),
        new("gate 0.5, logit@2.7 + cues + missing head (v1's inputs in-image), worst cell", new LivenessInputLayout { Scales = Context, Hidden = false }, true, 0.01, Rule: ThresholdRule.WorstCell, Gate: 0.5),
        new("gate 0.5, unit hidden@2.7,1.4 + missing head, worst cell", new LivenessInputLayout { Scales = TwoScales, Cues = false, UnitHidden = true }, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5),
        new("gate 0.4, unit hidden@2.7 + missing head, worst cell", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.4),
        new("gate 0.3, unit hidden@2.7 + missing head, worst cell", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.3),
        new("gate 0.5, unit hidden@2.7 + missing head fitted on face-filling pictures only, worst cell", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, FitGatedOnly: true),
        new("gate 0.5, unit hidden@2.7 + cues + missing head fitted on face-filling pictures only, worst cell", UnitCues, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, FitGatedOnly: true),
        new("gate 0.5, v2 head AND v1 print-photographed margin + 0", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 0),
        new("gate 0.5, v2 head AND v1 print-photographed margin + 1", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 1),
        new("gate 0.5, v2 head AND v1 print-photographed margin + 2", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2),
        new("gate 0.5, v2 head AND v1 print-photographed margin + 3", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 3),
        new("gate 0.5, v2 head AND v1 print-photographed margin >= -0.5 (own scale)", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 0.5, GuardOnMargin: true),
        new("gate 0.5, v2 head AND v1 print-photographed margin >= -1 (own scale)", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 1, GuardOnMargin: true),
        new("gate 0.5, v2 head AND v1 print-photographed margin >= -1.5 (own scale)", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 1.5, GuardOnMargin: true),
        new("gate 0.5, v2 head AND v1 print-photographed margin >= -2 (own scale)", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true),
        new("gate 0.5, v2 head AND v1 print-photographed margin >= -3 (own scale)", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 3, GuardOnMargin: true),
        new("gate 0.5, unit hidden@2.7 + missing head, worst cells in turn", Unit, true, 0.1, Rule: ThresholdRule.WorstCellsInTurn, Gate: 0.5),
        new("gate 0.5, unit hidden@2.7,1.4 + missing head, worst cells in turn", new LivenessInputLayout { Scales = TwoScales, Cues = false, UnitHidden = true }, true, 0.1, Rule: ThresholdRule.WorstCellsInTurn, Gate: 0.5),
        new("gate 0.5, unit hidden@2.7 + cues + missing head, worst cells in turn", UnitCues, true, 0.1, Rule: ThresholdRule.WorstCellsInTurn, Gate: 0.5),
        new("gate 0.5, v2 head (worst cells in turn) AND v1 print-photographed margin >= -1 (own scale)", Unit, true, 0.1, Rule: ThresholdRule.WorstCellsInTurn, Gate: 0.5, PrintGuard: 1, GuardOnMargin: true),
        new("gate 0.5, v2 head (worst cells in turn) AND v1 print-photographed margin >= -2 (own scale)", Unit, true, 0.1, Rule: ThresholdRule.WorstCellsInTurn, Gate: 0.5, PrintGuard: 2, GuardOnMargin: true),
        new("gate 0.4, unit hidden@2.7 + missing head, worst cells in turn", Unit, true, 0.1, Rule: ThresholdRule.WorstCellsInTurn, Gate: 0.4),
        new("gate 0.6, unit hidden@2.7 + missing head, worst cells in turn", Unit, true, 0.1, Rule: ThresholdRule.WorstCellsInTurn, Gate: 0.6),
        new("gate 0.5, v2 head AND v1 print-photographed margin >= -1.75 (own scale)", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 1.75, GuardOnMargin: true),
        new("gate 0.5, v2 head AND v1 print-photographed margin >= -2.5 (own scale)", Unit, true, 0.1, Rule: ThresholdRule.WorstCell, Gate: 0.5, PrintGuard: 2.5, GuardOnMargin: true),
    ];
}
