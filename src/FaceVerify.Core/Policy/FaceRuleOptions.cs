namespace FaceVerify.Core.Policy;

/// <summary>Limits of the face rules for one role (ID photo or snapshot). Angles in degrees.</summary>
public sealed record FaceRuleOptions
{
    public double MaxYaw { get; init; } = 25;
    public double MaxPitch { get; init; } = 25;
    public double MaxRoll { get; init; } = 20;
    /// <summary>Mean open probability of both eyes below this reads as closed.</summary>
    public double MinEyesOpen { get; init; } = 0.5;
    /// <summary>Exposure-normalised Laplacian energy of the aligned face (see FaceQuality.Sharpness).</summary>
    public double MinSharpness { get; init; } = 1.0;
    /// <summary>98th-percentile face luma: below it the face has no highlights, i.e. it is under-exposed.</summary>
    public double MinHighlight { get; init; } = 80;
    /// <summary>Mean face luma below which the face is too dark whatever its highlights.</summary>
    public double MinBrightness { get; init; } = 25;
    public double MaxBrightness { get; init; } = 220;
    /// <summary>Share of blown-out face pixels.</summary>
    public double MaxClipped { get; init; } = 0.2;
    public double MaxLightingAsymmetry { get; init; } = 0.45;
    /// <summary>Mean channel spread below this is a grey image.</summary>
    public double MinColourfulness { get; init; } = 4;
    /// <summary>Face box width / image width.</summary>
    public double MinFaceWidthRatio { get; init; } = 0.08;
    public double MaxFaceWidthRatio { get; init; } = 0.9;
    /// <summary>|face centre − image centre| / image width; 1 disables the rule.</summary>
    public double MaxCentreOffset { get; init; } = 1;
    /// <summary>Smallest face width in pixels the matcher can trust.</summary>
    public double MinFaceWidthPx { get; init; } = 48;
    public double MaxMask { get; init; } = 0.5;
    public double MaxSunglasses { get; init; } = 0.5;
    public double MaxHairOverEyes { get; init; } = 0.5;

    // The one place an occlusion probability becomes a decision: the rules and `inspect` ask here.
    public bool MaskCovers(double probability) => probability > MaxMask;
    public bool SunglassesCover(double probability) => probability > MaxSunglasses;
    public bool HairCovers(double probability) => probability > MaxHairOverEyes;
}
