using FaceVerify.Core.Policy;

namespace FaceVerify.Core.Challenge;

/// <summary>Judges ordered frames against a challenge's steps: were they followed, and did a head (not a picture) move.</summary>
public interface IChallengeChecker
{
    /// <param name="frames">Frame 0 (before the first step), then one after each step, optionally one more showing the return; null = no face.</param>
    ChallengeOutcome Check(IReadOnlyList<ChallengeStep> steps, IReadOnlyList<ChallengeFrame?> frames, PolicyOptions policy);
}
