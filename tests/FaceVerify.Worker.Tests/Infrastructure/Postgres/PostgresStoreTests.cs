using FaceVerify.Contracts;
using FaceVerify.Worker.Messaging;
using FaceVerify.Worker.Records;

namespace FaceVerify.Worker.Tests.Postgres;

/// <summary>The PostgreSQL store on a real server: migrations, the claim race, lease takeover, evidence and message data.</summary>
public sealed class PostgresStoreTests
{
    private static readonly TimeSpan LongLease = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Migrations_started_by_several_workers_at_once_apply_each_version_once_and_again_apply_nothing()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresMigrations.ApplyAsync(db.Open().DataSource, default)));

        var versions = PostgresMigrations.All.Select(m => m.Version).ToArray();
        Assert.Equal(versions, applied.SelectMany(a => a).Order());
        Assert.Single(applied, a => a.Count > 0);
        Assert.Empty(await PostgresMigrations.ApplyAsync(db.Open().DataSource, default));
        Assert.Equal(versions.Length, (int)await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(versions[^1], await db.ScalarAsync<int>("SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task Of_many_concurrent_claims_from_separate_workers_exactly_one_wins_and_after_saving_all_see_the_record()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.Open().EnsureMigratedAsync(default);
        var stores = Enumerable.Range(0, 16).Select(_ => new PostgresVerificationRecordStore(db.Open())).ToArray();
        var id = Guid.NewGuid();

        var claims = await Task.WhenAll(stores.Select((s, i) => s.ClaimAsync(id, $"worker-{i}", LongLease, default)));
        Assert.Equal(1, claims.Count(c => c.Outcome == VerificationClaimOutcome.Won));
        Assert.Equal(15, claims.Count(c => c.Outcome == VerificationClaimOutcome.HeldByOther));

        var winner = stores[Array.FindIndex(claims, c => c.Outcome == VerificationClaimOutcome.Won)];
        await winner.SaveAsync(Record(id), default);
        var after = await Task.WhenAll(stores.Select((s, i) => s.ClaimAsync(id, $"worker-{i}", TimeSpan.Zero, default)));
        Assert.All(after, c => Assert.Equal((VerificationClaimOutcome.Completed, "pass"), (c.Outcome, c.Record!.LatestResult.Verdict)));
        Assert.Equal(1, await db.ScalarAsync<int>($"SELECT first_computations FROM verifications WHERE verification_id = '{id}'"));
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_is_taken_over_by_exactly_one_of_several_takers()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var store = new PostgresVerificationRecordStore(db.Open());
        var held = Guid.NewGuid();
        var expired = Guid.NewGuid();

        Assert.Equal(VerificationClaimOutcome.Won, (await store.ClaimAsync(held, "a", LongLease, default)).Outcome);
        Assert.Equal(VerificationClaimOutcome.HeldByOther, (await store.ClaimAsync(held, "b", LongLease, default)).Outcome);

        // A zero lease runs out at once: its holder is as good as dead.
        Assert.Equal(VerificationClaimOutcome.Won, (await store.ClaimAsync(expired, "dead", TimeSpan.Zero, default)).Outcome);
        var takers = Enumerable.Range(0, 8).Select(_ => new PostgresVerificationRecordStore(db.Open())).ToArray();
        var takeovers = await Task.WhenAll(takers.Select((s, i) => s.ClaimAsync(expired, $"taker-{i}", LongLease, default)));
        Assert.Equal(1, takeovers.Count(c => c.Outcome == VerificationClaimOutcome.Won));
        Assert.Equal(2, await db.ScalarAsync<int>($"SELECT claims FROM verification_claims WHERE verification_id = '{expired}'"));
    }

    [Fact]
    public async Task Records_evidence_and_message_data_round_trip_through_the_database()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var database = db.Open();
        var records = new PostgresVerificationRecordStore(database);
        var id = Guid.NewGuid();
        var record = Record(id) with { ExtraFrameSha256s = ["f1"], RequestedPolicy = "strict" };
        await records.SaveAsync(record, default);
        await records.CountDuplicateAsync(id, default);
        var found = (await records.FindAsync(id, default))!;
        Assert.Equal((Json(record.LatestResult), 1, "strict", "f1"),
            (Json(found.LatestResult), found.DuplicatesAnswered, found.RequestedPolicy, found.ExtraFrameSha256s.Single()));
        Assert.Null(await records.FindAsync(Guid.NewGuid(), default));

        var evidence = new PostgresEvidenceStore(database, TimeProvider.System);
        await evidence.SaveAsync(id, new VerificationEvidence([1, 2], [3], [[4], [5, 6]]), default);
        var loaded = (await evidence.LoadAsync(id, default))!;
        Assert.Equal("0102|03|04|0506", string.Join('|', new[] { loaded.IdPhoto, loaded.Snapshot }.Concat(loaded.ExtraFrames).Select(Convert.ToHexString)));
        Assert.Equal(1, await evidence.DeleteSavedBeforeAsync(DateTimeOffset.UtcNow.AddMinutes(1), default));
        Assert.Null(await evidence.LoadAsync(id, default));

        var messageData = new PostgresMessageDataRepository(database, TimeProvider.System);
        var kept = await messageData.Put(new MemoryStream([7, 8, 9]), TimeSpan.FromHours(1));
        var gone = await messageData.Put(new MemoryStream([1]), TimeSpan.FromTicks(-1));
        using var read = new MemoryStream();
        await (await messageData.Get(kept)).CopyToAsync(read);
        Assert.Equal([7, 8, 9], read.ToArray());
        await Assert.ThrowsAsync<MassTransit.MessageDataNotFoundException>(() => messageData.Get(gone));
        Assert.Equal(1, await messageData.DeleteExpiredAsync(default));
    }

    private static string Json(IdentityVerificationCompleted completed) => System.Text.Json.JsonSerializer.Serialize(completed);

    private static VerificationRecord Record(Guid id) => new()
    {
        VerificationId = id,
        CandidateId = "c",
        ExamId = "e",
        IdPhotoSha256 = "a",
        SnapshotSha256 = "b",
        RequestedAt = DateTimeOffset.UtcNow,
        Attempts = 1,
        LatestResult = new IdentityVerificationCompleted
        {
            VerificationId = id, CandidateId = "c", ExamId = "e", Verdict = "pass", RetakeAllowed = false, Findings = [], Scores = new VerificationScoresDto(),
            Policy = "default@3", ModelSet = "m", Attempt = 1, TimingsMs = new Dictionary<string, double> { ["embed"] = 1.5 },
            CompletedAt = DateTimeOffset.UtcNow,
        },
    };
}
