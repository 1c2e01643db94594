using FaceVerify.Contracts;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Policy;
using FaceVerify.Worker.Records;

namespace FaceVerify.Worker.Challenges;

/// <summary>
/// Issues challenges (drawn under the policy, stored before anyone sees them) for the HTTP route and the bus request alike.
/// </summary>
public sealed class LivenessChallenges(IChallengeIssuer issuer, IChallengeStore store, PolicyCatalog policies)
{
    /// <returns>The answer, or why there is none (an unknown policy).</returns>
    public async Task<(LivenessChallengeIssued? Issued, string? Problem)> IssueAsync(IssueLivenessChallenge request, CancellationToken cancellationToken)
    {
        if (!policies.TryGet(request.Policy, out var policy))
            return (null, $"no policy '{request.Policy}'; known: {string.Join(", ", policies.Names)}");
        var challenge = issuer.Issue(policy.Challenge);
        await store.IssueAsync(StoredChallenge.From(challenge, policy.Name), cancellationToken);
        return (new LivenessChallengeIssued
        {
            ChallengeId = challenge.ChallengeId,
            Steps = challenge.Steps.Select(ChallengeSteps.Name).ToArray(),
            ExpiresAt = challenge.ExpiresAt,
            Policy = policy.Label,
        }, null);
    }
}
