using FaceVerify.Core.Policy;

namespace FaceVerify.Core.Challenge;

/// <summary>What one step's frames read.</summary>
/// <param name="Step">The step's number, which is also the index of its frame (frame 0 is before the first step).</param>
/// <param name="Value">A turn: yaw in the asked direction (degrees, positive = turned that way). A blink: mean eye-open probability.</param>
/// <param name="Neighbour">The same reading in the frame that must show the return (the next frame, else the previous one).</param>
public sealed record StepReading(int Step, ChallengeStep Kind, double? Value, double? Neighbour, bool Followed);

/// <summary>The challenge's verdict parts: each step, the flat-motion measurement, and the findings they raise.</summary>
/// <param name="FrameResiduals">Homography residual of frames 1..n against frame 0 (null without a face).</param>
/// <param name="HeadMotion">The largest of them; null when the challenge has no turn (nothing to measure) or no frame pair has faces.</param>
public sealed record ChallengeOutcome(IReadOnlyList<StepReading> Steps, IReadOnlyList<double?> FrameResiduals, double? HeadMotion, IReadOnlyList<Finding> Findings)
{
    /// <summary>Cosine similarity of each frame's face to the ID photo's (null without a face); filled by <see cref="ChallengeVerifier"/>.</summary>
    public IReadOnlyList<double?> Similarities { get; init; } = [];
    public bool StepsFollowed => Steps.Count > 0 && Steps.All(s => s.Followed);
    public bool FlatMotion => Findings.Any(f => f.Code == ReasonCodes.ChallengeFlatMotion);
}
