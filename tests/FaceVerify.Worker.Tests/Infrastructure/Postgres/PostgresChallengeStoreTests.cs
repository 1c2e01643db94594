using FaceVerify.Worker.Records;
using FaceVerify.Worker.Tests.Challenges;

namespace FaceVerify.Worker.Tests.Postgres;

/// <summary>The challenge store on a real PostgreSQL (migration 0006): the same contract as SQLite, across separate pools.</summary>
public sealed class PostgresChallengeStoreTests
{
    [Fact]
    public async Task Redeemed_once_then_reused_by_another_verification_but_again_by_the_same_one()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await ChallengeStoreContract.SingleUseAsync(new PostgresChallengeStore(db.Open()));
    }

    [Fact]
    public async Task An_expired_or_unknown_challenge_is_not_redeemed()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await ChallengeStoreContract.ExpiryAsync(new PostgresChallengeStore(db.Open()));
    }

    [Fact]
    public async Task Of_concurrent_redeems_from_separate_workers_exactly_one_succeeds()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.Open().EnsureMigratedAsync(default);
        await ChallengeStoreContract.ConcurrentAsync(Enumerable.Range(0, 16).Select(_ => (IChallengeStore)new PostgresChallengeStore(db.Open())).ToArray());
    }
}
