using System.Globalization;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Imaging;
using static FaceVerify.Core.Policy.ReasonCodes.Face;

namespace FaceVerify.Core.Policy;

/// <summary>Turns one image's face measurements into findings for a role (<c>photo.</c> or <c>snapshot.</c>).</summary>
internal sealed class FaceRules(string prefix, FaceRuleOptions limits, FindingFactory findings)
{
    public void Evaluate(ImageReading reading, List<Finding> output)
    {
        if (reading.Colourfulness < limits.MinColourfulness)
            output.Add(findings.Make(prefix + Grayscale, "the picture has no colour (black and white)", reading.Colourfulness, limits.MinColourfulness, true));
        var face = reading.Primary;
        if (face is null)
        {
            // The detector misses faces cut by the frame and one masked face in eight (models/attributes/README.md):
            // the candidate reads this text, so it names those causes.
            output.Add(findings.Make(prefix + NoFace, "no face was found: the whole face must be in the picture, uncovered (no mask) and lit", reading.Detections.Count, 1, true));
            return;
        }
        var image = reading.Image;
        var widthRatio = face.Box.Width / image.Width;
        if (widthRatio < limits.MinFaceWidthRatio || face.Box.Width < limits.MinFaceWidthPx)
            output.Add(findings.Make(prefix + FaceTooSmall, Fmt("the face is too small: {0:0.00} of the picture's width", widthRatio), widthRatio, limits.MinFaceWidthRatio, true));
        if (widthRatio > limits.MaxFaceWidthRatio)
            output.Add(findings.Make(prefix + FaceTooLarge, Fmt("the face is too large: {0:0.00} of the picture's width", widthRatio), widthRatio, limits.MaxFaceWidthRatio, true));
        var offset = Math.Abs(face.Box.CenterX - image.Width / 2.0) / image.Width;
        if (offset > limits.MaxCentreOffset)
            output.Add(findings.Make(prefix + FaceOffCenter, Fmt("the face is {0:0.00} of the width off centre", offset), offset, limits.MaxCentreOffset, true));

        Angle(output, HeadTurned, "the head is turned sideways", face.Pose.Yaw, limits.MaxYaw);
        Angle(output, HeadPitched, face.Pose.Pitch > 0 ? "the head is tilted up" : "the head is tilted down", face.Pose.Pitch, limits.MaxPitch);
        Angle(output, HeadRolled, "the head is tilted to one side", face.Pose.Roll, limits.MaxRoll);

        if (face.Eyes.MeanOpen < limits.MinEyesOpen)
            output.Add(findings.Make(prefix + EyesClosed, "the eyes are closed", face.Eyes.MeanOpen, limits.MinEyesOpen, true));

        var q = face.Quality;
        if (q.Sharpness < limits.MinSharpness)
            output.Add(findings.Make(prefix + Blurry, "the face is blurred", q.Sharpness, limits.MinSharpness, true));
        if (q.Highlight < limits.MinHighlight || q.Brightness < limits.MinBrightness)
            output.Add(findings.Make(prefix + Underexposed, "the face is too dark", q.Highlight, limits.MinHighlight, true));
        else if (q.Brightness > limits.MaxBrightness || q.ClippedFraction > limits.MaxClipped)
            output.Add(findings.Make(prefix + Overexposed, "the face is over-exposed", q.Brightness, limits.MaxBrightness, true));
        if (q.LightingAsymmetry > limits.MaxLightingAsymmetry)
            output.Add(findings.Make(prefix + UnevenLighting, "one side of the face is much darker than the other", q.LightingAsymmetry, limits.MaxLightingAsymmetry, true));

        if (face.Occlusion is { } o)
        {
            if (limits.MaskCovers(o.Mask)) output.Add(findings.Make(prefix + OccludedMask, "a mask covers the face", o.Mask, limits.MaxMask, true));
            if (limits.SunglassesCover(o.Sunglasses)) output.Add(findings.Make(prefix + OccludedSunglasses, "sunglasses cover the eyes", o.Sunglasses, limits.MaxSunglasses, true));
            if (limits.HairCovers(o.HairOverEyes)) output.Add(findings.Make(prefix + OccludedHair, "hair covers the eyes", o.HairOverEyes, limits.MaxHairOverEyes, true));
        }
    }

    private void Angle(List<Finding> output, string rule, string message, double value, double limit)
    {
        if (Math.Abs(value) > limit)
            output.Add(findings.Make(prefix + rule, Fmt("{0} ({1:0.0}°)", message, value), Math.Abs(value), limit, true));
    }

    private static string Fmt(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
