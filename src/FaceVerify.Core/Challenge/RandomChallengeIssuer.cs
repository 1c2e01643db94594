using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Challenge;

/// <summary>
/// Draws steps with the operating system's cryptographic generator, so a client cannot predict the next challenge
/// and prepare frames for it. Every sequence the policy allows is equally likely: a length, then steps drawn
/// uniformly with no step twice in a row (a second identical turn only repeats the first), redrawn while the
/// sequence has no turn although the policy allows one (the flat-motion check needs a turn to measure).
/// </summary>
public sealed class RandomChallengeIssuer(IOptions<ChallengeIssuerOptions> options, TimeProvider time) : IChallengeIssuer
{
    public LivenessChallenge Issue(ChallengePolicy policy)
    {
        var allowed = policy.Steps();
        if (allowed.Count == 0) throw new InvalidOperationException("the policy allows no challenge step");
        int min = Math.Max(1, policy.MinSteps), max = Math.Max(min, policy.MaxSteps);
        var turnAllowed = allowed.Any(ChallengeSteps.IsTurn);
        List<ChallengeStep> steps;
        do
        {
            steps = Draw(allowed, RandomNumberGenerator.GetInt32(min, max + 1));
        } while (turnAllowed && !steps.Any(ChallengeSteps.IsTurn));
        var now = time.GetUtcNow();
        return new LivenessChallenge(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), steps, now, now + options.Value.Lifetime);
    }

    private static List<ChallengeStep> Draw(IReadOnlyList<ChallengeStep> allowed, int count)
    {
        var steps = new List<ChallengeStep>(count);
        while (steps.Count < count)
        {
            var step = allowed[RandomNumberGenerator.GetInt32(allowed.Count)];
            if (allowed.Count > 1 && steps.Count > 0 && steps[^1] == step) continue;
            steps.Add(step);
        }
        return steps;
    }
}
