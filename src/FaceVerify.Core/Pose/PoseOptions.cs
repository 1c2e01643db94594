namespace FaceVerify.Core.Pose;

/// <summary>
/// <c>FaceVerify:Pose</c>: when the 68 landmarks read a clearly frontal head (<see cref="LandmarkPose"/>), the face's pose
/// can be that landmark reading and the pose network is not run. Off: `faceverify study-pose-cascade` (docs/measurements.md,
/// issue 15) found no box in which the network's reading stays within the built-in limits (on half of the people, even
/// |landmark yaw|, pitch and roll ≤ 1° holds a face the network reads beyond 75 % of the tightest limits), and every box
/// that covers a useful share of faces flips pose decisions of people never fitted on, mostly where the network reads a
/// 12–25° turn on a head the landmarks read as frontal. Turning it on changes decisions: a new policy version.
/// </summary>
public sealed record PoseOptions
{
    /// <summary>Skip the pose network inside the frontal box; false = the network reads every face.</summary>
    public bool SkipModelWhenFrontal { get; init; } = false;

    // The box below is a trade-off row of the study (held out: 24 % of all faces and 62 % of NUAA webcam frames inside; the
    // pose rules of 9 of 2,903 faces flip under strict snapshot limits), for measuring what the skip would buy, not a
    // decision-neutral choice.
    /// <summary>Largest |landmark yaw| (degrees) of the frontal box.</summary>
    public double FrontalMaxYaw { get; init; } = 6;
    /// <summary>Largest |landmark pitch| (degrees, after the frontal offset) of the frontal box.</summary>
    public double FrontalMaxPitch { get; init; } = 8;
    /// <summary>Largest |eye-line roll| (degrees) of the frontal box.</summary>
    public double FrontalMaxRoll { get; init; } = 6;

    /// <summary>Degrees of yaw per unit of <see cref="FaceVerify.Core.Challenge.LandmarkTurn.Ratio"/> (the challenge's 105).</summary>
    public double YawPerRatio { get; init; } = 105;
    /// <summary>The pitch ratio (<see cref="LandmarkPose.PitchRatio"/>) of a head the pose network reads level (study, fit half: median of 157 such faces).</summary>
    public double FrontalPitchRatio { get; init; } = 0.4401;
    /// <summary>Degrees of pitch (positive = up) per unit of pitch ratio above the frontal one (study, fit half: least squares against the network, |yaw| ≤ 20°).</summary>
    public double PitchPerRatio { get; init; } = -56;
}
