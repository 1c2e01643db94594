using System.Globalization;
using FaceVerify.Core.Policy;

namespace FaceVerify.Core.Challenge;

/// <summary>
/// Frame i (i ≥ 1) is the one taken after step i. A turn is followed when its frame reads the yaw beyond the
/// policy's angle in the asked direction and the next frame is back towards frontal (for the last step without a
/// return frame: the previous frame was less turned, so the turn happened between the two). A blink is followed when
/// both eyes are closed in its frame and open in the next (or the previous). Frames in the wrong order put the wrong
/// reading under a step, which is why a shuffled sequence fails.
/// </summary>
public sealed class ChallengeStepChecker : IChallengeChecker
{
    public ChallengeOutcome Check(IReadOnlyList<ChallengeStep> steps, IReadOnlyList<ChallengeFrame?> frames, PolicyOptions policy)
    {
        var findings = new FindingFactory(policy);
        var rules = policy.Challenge;
        if (steps.Count == 0 || frames.Count < steps.Count + 1 || frames.Count > steps.Count + 2)
        {
            // The client sent a sequence that does not belong to these steps: a client defect, not the candidate's.
            return new ChallengeOutcome([], [], null, [findings.Make(ReasonCodes.ChallengeFramesMismatch,
                $"{steps.Count} steps need {steps.Count + 1} frames (or one more showing the return); got {frames.Count}",
                frames.Count, steps.Count + 1, retakeCanFix: false)]);
        }

        var readings = steps.Select((step, i) => Read(step, i + 1, frames, rules)).ToList();
        var output = new List<Finding>();
        var missing = frames.Select((f, i) => (f, i)).Where(x => x.f is null).Select(x => x.i).ToList();
        var failed = readings.Where(r => !r.Followed).ToList();
        if (missing.Count > 0 || failed.Count > 0)
        {
            var first = failed.FirstOrDefault();
            var parts = missing.Select(i => $"no face in frame {i}")
                .Concat(failed.Select(r => $"step {r.Step} ({ChallengeSteps.Name(r.Kind)}) read {Show(r.Value)} then {Show(r.Neighbour)}"));
            output.Add(findings.Make(ReasonCodes.ChallengeNotFollowed, "the challenge was not followed: " + string.Join("; ", parts),
                first?.Value, first is null ? null : Threshold(first.Kind, rules), retakeCanFix: true));
        }

        var residuals = FlatMotion.Residuals(frames.Select(f => f?.Landmarks68).ToList(), rules.MotionLandmarks);
        double? motion = steps.Any(ChallengeSteps.IsTurn) && residuals.Any(r => r is not null) ? residuals.Max() : null;
        if (motion is { } m && m < rules.MinHeadMotionResidual)
            output.Add(findings.Make(ReasonCodes.ChallengeFlatMotion, "the face moved like a flat picture, not a turning head",
                m, rules.MinHeadMotionResidual, retakeCanFix: false));
        return new ChallengeOutcome(readings, residuals, motion, output);
    }

    private static StepReading Read(ChallengeStep step, int index, IReadOnlyList<ChallengeFrame?> frames, ChallengePolicy rules)
    {
        var frame = frames[index];
        var neighbour = index + 1 < frames.Count ? frames[index + 1] : frames[index - 1];
        if (step == ChallengeStep.Blink)
        {
            double? eyes = frame?.Eyes.MeanOpen, other = neighbour?.Eyes.MeanOpen;
            var blinked = eyes < rules.ClosedEyesBelow && other >= rules.OpenEyesAtLeast;
            return new StepReading(index, step, eyes, other, blinked);
        }
        // Positive yaw is a turn to the subject's own right in an unmirrored camera frame, for the pose model and the landmark
        // reading alike (calibrate-challenge checks both on the renders; the MEDS profiles facing the image left read +20° to +87°).
        var sign = step == ChallengeStep.TurnRight ? 1 : -1;
        double? yaw = sign * TurnReadings.Yaw(frame, rules), back = sign * TurnReadings.Yaw(neighbour, rules);
        var turned = yaw >= rules.TurnYaw && back <= yaw - rules.ReturnYaw;
        return new StepReading(index, step, yaw, back, turned);
    }

    private static double Threshold(ChallengeStep step, ChallengePolicy rules) => step == ChallengeStep.Blink ? rules.ClosedEyesBelow : rules.TurnYaw;

    private static string Show(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "no face";
}
