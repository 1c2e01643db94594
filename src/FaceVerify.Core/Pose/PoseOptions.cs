namespace FaceVerify.Core.Pose;

/// <summary>
/// <c>FaceVerify:Pose</c>: when the 68 landmarks read a clearly frontal head (<see cref="LandmarkPose"/>), a snapshot's or
/// a frame's pose is that landmark reading and the pose network (5.4 ms, the second heaviest model) is not run
/// (<see cref="FaceVerify.Core.Analysis.AnalysisScope.PoseCascade"/>; ID photos always run it). `faceverify
/// study-pose-cascade` (docs/measurements.md, issue 15) found no box in which the network never reads a turn, so this is a
/// decision, policy version 7: inside the 6 / 8 / 6° box, on people never fitted on, 7 of 2,903 snapshot decisions of the
/// default policy flip (9 strict), each a turn or tilt the network reads on a head the landmarks read as level; looked at,
/// most are frontal heads the network misreads, and the labelled poses' precision and recall do not move.
/// </summary>
public sealed record PoseOptions
{
    /// <summary>Skip the pose network inside the frontal box; false = the network reads every face.</summary>
    public bool SkipModelWhenFrontal { get; init; } = true;

    // A row of the study chosen for coverage at few flips (held out: 24 % of all faces, 41 % of CASIA and 62 % of NUAA webcam
    // frames inside; snapshot decisions flipped 7 default, 9 strict of 2,903), not a decision-neutral box: none exists.
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
