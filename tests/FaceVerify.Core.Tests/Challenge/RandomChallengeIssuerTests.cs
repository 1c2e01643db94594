using FaceVerify.Core.Challenge;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Tests.Challenge;

public sealed class RandomChallengeIssuerTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static RandomChallengeIssuer Issuer(TimeSpan? lifetime = null) =>
        new(Options.Create(new ChallengeIssuerOptions { Lifetime = lifetime ?? TimeSpan.FromSeconds(60) }), new FixedTime(Now));

    [Fact]
    public void Every_allowed_sequence_is_about_equally_likely_and_no_step_repeats_at_once()
    {
        const int draws = 24000;
        var issuer = Issuer();
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < draws; i++)
        {
            var steps = issuer.Issue(new ChallengePolicy()).Steps;
            Assert.InRange(steps.Count, 2, 3);
            for (var k = 1; k < steps.Count; k++) Assert.NotEqual(steps[k - 1], steps[k]);
            var key = string.Join(",", steps.Select(ChallengeSteps.Name));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        // 3·2 sequences of two steps and 3·2·2 of three, each length half of the time; bounds are about 5 standard deviations.
        Assert.Equal(18, counts.Count);
        foreach (var (key, n) in counts)
        {
            var expected = key.Count(c => c == ',') == 1 ? draws / 2.0 / 6 : draws / 2.0 / 12;
            Assert.InRange(n, expected - 5 * Math.Sqrt(expected), expected + 5 * Math.Sqrt(expected));
        }
    }

    [Fact]
    public void Ids_are_unique_random_128_bit_hex_and_expiry_comes_from_the_options()
    {
        var issuer = Issuer(TimeSpan.FromSeconds(45));
        var challenges = Enumerable.Range(0, 5000).Select(_ => issuer.Issue(new ChallengePolicy())).ToList();
        Assert.Equal(challenges.Count, challenges.Select(c => c.ChallengeId).Distinct().Count());
        Assert.All(challenges, c =>
        {
            Assert.Matches("^[0-9a-f]{32}$", c.ChallengeId);
            Assert.Equal(Now, c.IssuedAt);
            Assert.Equal(Now.AddSeconds(45), c.ExpiresAt);
        });
        Assert.Equal(TimeSpan.FromSeconds(60), new ChallengeIssuerOptions().Lifetime);
    }

    [Fact]
    public void The_policy_decides_the_steps_and_a_turn_is_always_asked_when_allowed()
    {
        var issuer = Issuer();
        for (var i = 0; i < 500; i++)
        {
            var turnsOnly = issuer.Issue(new ChallengePolicy { AllowedSteps = "turn_left,turn_right", MinSteps = 3, MaxSteps = 3 }).Steps;
            Assert.Equal(3, turnsOnly.Count);
            Assert.DoesNotContain(ChallengeStep.Blink, turnsOnly);
            Assert.Contains(issuer.Issue(new ChallengePolicy()).Steps, ChallengeSteps.IsTurn);
            Assert.All(issuer.Issue(new ChallengePolicy { AllowedSteps = "blink" }).Steps, s => Assert.Equal(ChallengeStep.Blink, s));
        }
        Assert.Throws<InvalidOperationException>(() => issuer.Issue(new ChallengePolicy { AllowedSteps = "nod" }));
    }

    [Fact]
    public void Step_names_parse_from_the_wire_and_unknown_ones_are_named()
    {
        Assert.True(ChallengeSteps.TryParseList("turn_left, TURN_RIGHT,blink", out var steps, out _));
        Assert.Equal([ChallengeStep.TurnLeft, ChallengeStep.TurnRight, ChallengeStep.Blink], steps);
        Assert.False(ChallengeSteps.TryParseList("turn_left,nod", out _, out var unknown));
        Assert.Equal("nod", unknown);
        Assert.False(ChallengeSteps.TryParseList("", out _, out _));
    }
}
