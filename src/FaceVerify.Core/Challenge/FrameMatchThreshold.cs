using FaceVerify.Core.Policy;

namespace FaceVerify.Core.Challenge;

/// <summary>
/// The identity threshold a challenge frame is judged at. A strongly turned head scores lower against a frontal ID photo
/// for the true person and for impostors alike, so a frame after frame 0 that reads a turn of at least
/// <see cref="ChallengePolicy.TurnedFrameYaw"/> is judged at <see cref="ChallengePolicy.TurnedMatchThreshold"/>, which
/// <c>faceverify calibrate-turned-match</c> places at the policy's false-accept rate on turned-vs-frontal impostor pairs
/// (docs/challenge.md). Frame 0 is the near-frontal snapshot: always the policy's <see cref="PolicyOptions.MatchThreshold"/>.
/// </summary>
public static class FrameMatchThreshold
{
    public static double For(int index, ChallengeFrame? frame, PolicyOptions policy) =>
        IsTurned(index, frame, policy.Challenge) && policy.Challenge.TurnedMatchThreshold is { } turned ? turned : policy.MatchThreshold;

    /// <summary>A frame after frame 0 whose <see cref="ChallengePolicy.TurnedFrameReading"/> reads at least the turned yaw, either way.</summary>
    public static bool IsTurned(int index, ChallengeFrame? frame, ChallengePolicy rules) =>
        index > 0 && TurnedYaw(frame, rules) is { } yaw && Math.Abs(yaw) >= rules.TurnedFrameYaw;

    /// <summary>The frame's yaw under the turned-frame reading (the landmarks' by default: the pose model under-reads real profiles).</summary>
    public static double? TurnedYaw(ChallengeFrame? frame, ChallengePolicy rules) =>
        TurnReadings.Yaw(frame, rules with { TurnReading = rules.TurnedFrameReading });
}
