using FaceVerify.Worker.Records;

namespace FaceVerify.Worker.Tests;

/// <summary>Claim-first idempotency over the embedded SQLite store; the PostgreSQL store has the same tests in Postgres/.</summary>
public sealed class ClaimTests
{
    private static readonly (string IdPhoto, string Snapshot) Pair = TestPaths.LfwPairs[0];

    [Fact]
    public async Task Concurrent_requests_with_one_id_compute_once_and_the_losers_answer_from_the_winners_record()
    {
        using var world = new FileUrlWorld();
        var id = Guid.NewGuid();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => world.Service.VerifyAsync(FileUrlWorld.Request(id, Pair.IdPhoto, Pair.Snapshot), default))));

        Assert.Equal(1, world.Verifier.Calls);
        Assert.Single(outcomes, o => !o.FromRecord);
        Assert.Single(outcomes.Select(o => o.Completed.CompletedAt).Distinct());
        Assert.Equal(5, (await world.RecordStore.FindAsync(id, default))!.DuplicatesAnswered);
    }

    [Fact]
    public async Task Of_concurrent_sqlite_claims_one_wins_and_an_expired_lease_is_taken_over()
    {
        using var world = new FileUrlWorld();
        var id = Guid.NewGuid();
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => world.RecordStore.ClaimAsync(id, $"w{i}", TimeSpan.FromMinutes(10), default))));
        Assert.Equal(1, claims.Count(c => c.Outcome == VerificationClaimOutcome.Won));
        Assert.Equal(7, claims.Count(c => c.Outcome == VerificationClaimOutcome.HeldByOther));

        var expired = Guid.NewGuid();
        Assert.Equal(VerificationClaimOutcome.Won, (await world.RecordStore.ClaimAsync(expired, "dead", TimeSpan.Zero, default)).Outcome);
        await Task.Delay(5);   // the zero lease ends at the millisecond it was taken
        var takeovers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => world.RecordStore.ClaimAsync(expired, $"t{i}", TimeSpan.FromMinutes(10), default))));
        Assert.Equal(1, takeovers.Count(c => c.Outcome == VerificationClaimOutcome.Won));
    }
}
