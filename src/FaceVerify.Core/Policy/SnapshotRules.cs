using FaceVerify.Core.Analysis;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Policy;

/// <summary>The exam-time rules for a snapshot: frame, one person, whole frontal face, live.</summary>
internal static class SnapshotRules
{
    public static List<Finding> Evaluate(DecodeOutcome decoded, ImageReading? reading, PolicyOptions policy)
    {
        var findings = new FindingFactory(policy);
        var output = new List<Finding>();
        if (reading is null)
        {
            output.Add(DecodeFindings.For(decoded, ReasonCodes.SnapshotPrefix, findings));
            return output;
        }
        var frame = policy.SnapshotFrame;
        var image = reading.Image;
        var shortSide = Math.Min(image.Width, image.Height);
        if (shortSide < frame.MinShortSide)
            output.Add(findings.Make(ReasonCodes.SnapshotResolutionTooLow, $"the snapshot is {image.Width}×{image.Height} px; its short side must be at least {frame.MinShortSide}", shortSide, frame.MinShortSide, true));

        new FaceRules(ReasonCodes.SnapshotPrefix, policy.Snapshot, findings).Evaluate(reading, output);
        if (reading.Primary is not { } face) return output;

        var others = reading.Detections.Count(d => d.Box != face.Box && d.Box.Width >= frame.OtherPersonMinRelativeSize * face.Box.Width);
        if (others > 0)
            output.Add(findings.Make(ReasonCodes.SnapshotOtherPerson, $"{others} other face(s) in the frame", others, 0, true));

        var box = face.Box;
        var overshoot = new[] { -box.X, -box.Y, box.Right - image.Width, box.Bottom - image.Height }.Max() / Math.Max(1, box.Width);
        if (overshoot > frame.CutOffTolerance)
            output.Add(findings.Make(ReasonCodes.SnapshotFaceCutOff, "part of the face is outside the frame", overshoot, frame.CutOffTolerance, true));

        if (face.Liveness is { } live && !policy.IsLive(live.Score))
            output.Add(findings.Make(ReasonCodes.SnapshotSpoofSuspected, "the snapshot may show a photo or a screen instead of a live person", live.Score, policy.LivenessThreshold, false));
        return output;
    }
}
