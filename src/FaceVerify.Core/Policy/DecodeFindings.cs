using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Policy;

/// <summary>Findings for an image that could not be decoded: each problem gets its own specific code.</summary>
internal static class DecodeFindings
{
    public static Finding For(DecodeOutcome outcome, string prefix, FindingFactory findings) => outcome.Problem switch
    {
        DecodeProblem.TooLarge => findings.Make(ReasonCodes.InputTooLarge, outcome.Detail, outcome.LimitValue, outcome.LimitThreshold, false),
        DecodeProblem.UnsupportedFormat when prefix == ReasonCodes.PhotoPrefix =>
            findings.Make(ReasonCodes.PhotoNotJpeg, $"the file is not a JPEG: {outcome.Detail}", null, null, false),
        DecodeProblem.UnsupportedFormat => findings.Make(prefix + ReasonCodes.Face.UnsupportedFormat, outcome.Detail, null, null, true),
        _ => findings.Make(prefix + ReasonCodes.Face.Unreadable, $"the image cannot be read: {outcome.Detail}", null, null, prefix == ReasonCodes.SnapshotPrefix),
    };
}
