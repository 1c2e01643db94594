namespace FaceVerify.Core.Challenge;

/// <summary>
/// The active-liveness part of a policy (<c>FaceVerify:Policies:{name}:Challenge</c>): which steps may be asked and
/// the thresholds that judge them. The built-in values come from <c>faceverify calibrate-challenge</c> (docs/challenge.md).
/// </summary>
public sealed record ChallengePolicy
{
    /// <summary>Comma-separated wire names (a string, not a list: configuration binding appends to lists instead of replacing them).</summary>
    public string AllowedSteps { get; init; } = "turn_left,turn_right,blink";
    public int MinSteps { get; init; } = 2;
    public int MaxSteps { get; init; } = 3;
    /// <summary>A turn step's frame must read at least this yaw (degrees) in the asked direction.</summary>
    public double TurnYaw { get; init; } = 25;
    /// <summary>Which yaw reading the turn steps use (the pose model's, the landmarks', or either).</summary>
    public TurnReading TurnReading { get; init; } = TurnReading.Landmarks;
    /// <summary>Degrees of yaw per unit of the landmark reading's offset ratio (<see cref="LandmarkTurn"/>), fitted on 3-D turns.</summary>
    public double LandmarkYawPerRatio { get; init; } = 105;
    /// <summary>The neighbouring frame (the next one; for the last step without a return frame, the previous one) must read at least this much less yaw in the asked direction.</summary>
    public double ReturnYaw { get; init; } = 12;
    /// <summary>A blink step's frame must read a mean eye-open probability below this (the eye model's own operating point).</summary>
    public double ClosedEyesBelow { get; init; } = 0.5;
    /// <summary>The blink's neighbouring frame must read at least this mean eye-open probability.</summary>
    public double OpenEyesAtLeast { get; init; } = 0.5;
    /// <summary>
    /// The largest landmark residual after the best homography from frame 0 to a later frame (RMS per inter-ocular
    /// distance) must reach this, or the motion is that of a flat picture.
    /// </summary>
    public double MinHeadMotionResidual { get; init; } = 0.064;
    /// <summary>The landmarks the homography is fitted to; the threshold above holds for this set only.</summary>
    public LandmarkSet MotionLandmarks { get; init; } = LandmarkSet.Rigid;
    /// <summary>A frame after frame 0 reading a turn of at least this yaw (degrees, either way) is judged at <see cref="TurnedMatchThreshold"/>.</summary>
    public double TurnedFrameYaw { get; init; } = 40;
    /// <summary>Which yaw reading decides that a frame is turned for the match (<see cref="FrameMatchThreshold"/>).</summary>
    public TurnReading TurnedFrameReading { get; init; } = TurnReading.Landmarks;
    /// <summary>
    /// The identity threshold of turned frames, placed at the policy's false-accept rate on turned-vs-frontal impostor pairs
    /// (<c>faceverify calibrate-turned-match</c>); null = every frame at the policy's match threshold.
    /// </summary>
    public double? TurnedMatchThreshold { get; init; }

    /// <summary>The allowed steps, parsed; unknown names are ignored (the issuer refuses an empty set).</summary>
    public IReadOnlyList<ChallengeStep> Steps() =>
        AllowedSteps.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => ChallengeSteps.TryParse(n, out var s) ? (ChallengeStep?)s : null).OfType<ChallengeStep>().Distinct().ToList();
}
