using FaceVerify.Core.Challenge;
using FaceVerify.Worker.Options;
using FaceVerify.Worker.Records;

namespace FaceVerify.Worker.Tests.Challenges;

/// <summary>
/// Single use, expiry and idempotent redemption of the SQLite challenge store; the concurrency test opens one store per
/// simulated worker on the same file, so the conditional update is what decides, not a lock in this process.
/// </summary>
public sealed class SqliteChallengeStoreTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 29, 14, 0, 0, TimeSpan.Zero);
    private readonly string _database = Path.Combine(TestPaths.NewTempDirectory(), "records.db");

    private SqliteChallengeStore NewStore() => new(Microsoft.Extensions.Options.Options.Create(new RecordOptions { DatabasePath = _database }));

    [Fact]
    public Task Redeemed_once_then_reused_by_another_verification_but_again_by_the_same_one() => ChallengeStoreContract.SingleUseAsync(NewStore());

    [Fact]
    public Task An_expired_or_unknown_challenge_is_not_redeemed() => ChallengeStoreContract.ExpiryAsync(NewStore());

    [Fact]
    public Task Of_concurrent_redeems_from_separate_workers_exactly_one_succeeds() =>
        ChallengeStoreContract.ConcurrentAsync(Enumerable.Range(0, 12).Select(_ => (IChallengeStore)NewStore()).ToArray());

    [Fact]
    public async Task Expired_rows_are_purged_and_then_read_as_unknown()
    {
        var store = NewStore();
        var challenge = ChallengeStoreContract.Challenge(Issued);
        await store.IssueAsync(challenge, default);
        Assert.Equal(0, await store.DeleteExpiredBeforeAsync(Issued, default));
        Assert.Equal(1, await store.DeleteExpiredBeforeAsync(challenge.ExpiresAt.AddSeconds(1), default));
        Assert.Equal(ChallengeRedemptionStatus.Unknown, (await store.RedeemAsync(challenge.ChallengeId, Guid.NewGuid(), Issued, default)).Status);
    }
}

/// <summary>What every <see cref="IChallengeStore"/> must do; run on SQLite always and on PostgreSQL when one is configured.</summary>
internal static class ChallengeStoreContract
{
    public static StoredChallenge Challenge(DateTimeOffset issued) =>
        new(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), [ChallengeStep.TurnLeft, ChallengeStep.Blink, ChallengeStep.TurnRight],
            "strict", issued, issued.AddSeconds(60));

    public static async Task SingleUseAsync(IChallengeStore store)
    {
        var issued = new DateTimeOffset(2026, 11, 29, 14, 0, 0, TimeSpan.Zero);
        var challenge = Challenge(issued);
        await store.IssueAsync(challenge, default);
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();

        var redeemed = await store.RedeemAsync(challenge.ChallengeId, first, issued.AddSeconds(10), default);
        Assert.Equal(ChallengeRedemptionStatus.Redeemed, redeemed.Status);
        Assert.Equal(challenge.Steps, redeemed.Challenge!.Steps);
        Assert.Equal("strict", redeemed.Challenge.Policy);
        Assert.Equal(challenge.ExpiresAt, redeemed.Challenge.ExpiresAt);

        var reused = await store.RedeemAsync(challenge.ChallengeId, second, issued.AddSeconds(11), default);
        Assert.Equal(ChallengeRedemptionStatus.Reused, reused.Status);
        Assert.Null(reused.Challenge);
        // A redelivery of the first verification, even after expiry, is its own redemption: retries stay idempotent.
        var again = await store.RedeemAsync(challenge.ChallengeId, first, issued.AddSeconds(120), default);
        Assert.Equal(ChallengeRedemptionStatus.Redeemed, again.Status);
        Assert.Equal(challenge.Steps, again.Challenge!.Steps);
        Assert.Equal(challenge.ChallengeId, (await store.FindRedeemedByAsync(first, default))?.ChallengeId);
        Assert.Null(await store.FindRedeemedByAsync(second, default));
    }

    public static async Task ExpiryAsync(IChallengeStore store)
    {
        var issued = new DateTimeOffset(2026, 11, 29, 14, 0, 0, TimeSpan.Zero);
        var challenge = Challenge(issued);
        await store.IssueAsync(challenge, default);
        Assert.Equal(ChallengeRedemptionStatus.Expired, (await store.RedeemAsync(challenge.ChallengeId, Guid.NewGuid(), challenge.ExpiresAt, default)).Status);
        Assert.Equal(ChallengeRedemptionStatus.Expired, (await store.RedeemAsync(challenge.ChallengeId, Guid.NewGuid(), issued.AddHours(1), default)).Status);
        Assert.Equal(ChallengeRedemptionStatus.Unknown, (await store.RedeemAsync("0123456789abcdef0123456789abcdef", Guid.NewGuid(), issued, default)).Status);
        // Refused attempts did not use it up: a verification within the lifetime still can (the store's part; the service never retries a refusal).
        Assert.Equal(ChallengeRedemptionStatus.Redeemed, (await store.RedeemAsync(challenge.ChallengeId, Guid.NewGuid(), issued.AddSeconds(59), default)).Status);
    }

    public static async Task ConcurrentAsync(IReadOnlyList<IChallengeStore> workers)
    {
        var issued = new DateTimeOffset(2026, 11, 29, 14, 0, 0, TimeSpan.Zero);
        var challenge = Challenge(issued);
        await workers[0].IssueAsync(challenge, default);
        var ids = workers.Select(_ => Guid.NewGuid()).ToArray();

        var outcomes = await Task.WhenAll(workers.Select((w, i) => Task.Run(() => w.RedeemAsync(challenge.ChallengeId, ids[i], issued.AddSeconds(5), default))));

        Assert.Equal(1, outcomes.Count(o => o.Status == ChallengeRedemptionStatus.Redeemed));
        Assert.Equal(workers.Count - 1, outcomes.Count(o => o.Status == ChallengeRedemptionStatus.Reused));
        var winner = ids[Array.FindIndex(outcomes, o => o.Status == ChallengeRedemptionStatus.Redeemed)];
        var afterwards = await Task.WhenAll(workers.Select((w, i) => w.RedeemAsync(challenge.ChallengeId, ids[i], issued.AddSeconds(6), default)));
        Assert.All(afterwards.Select((o, i) => (o, i)), x =>
            Assert.Equal(ids[x.i] == winner ? ChallengeRedemptionStatus.Redeemed : ChallengeRedemptionStatus.Reused, x.o.Status));
    }
}
