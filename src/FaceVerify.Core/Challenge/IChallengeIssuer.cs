namespace FaceVerify.Core.Challenge;

/// <summary>Draws a new challenge under a policy. Stateless: storing it for expiry and single use is the service's job.</summary>
public interface IChallengeIssuer
{
    LivenessChallenge Issue(ChallengePolicy policy);
}
