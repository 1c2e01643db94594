using FaceVerify.Contracts;
using FaceVerify.Worker.Verification;

namespace FaceVerify.Worker.Tests;

public sealed class VerificationServiceTests
{
    private static readonly (string IdPhoto, string Snapshot) Pair = TestPaths.LfwPairs[0];

    [Fact]
    public async Task A_repeated_verification_id_is_answered_from_the_record_without_computing()
    {
        using var world = new FileUrlWorld();
        var id = Guid.NewGuid();
        var first = await world.Service.VerifyAsync(FileUrlWorld.Request(id, Pair.IdPhoto, Pair.Snapshot), default);
        var again = await world.Service.VerifyAsync(FileUrlWorld.Request(id, Pair.IdPhoto, Pair.Snapshot), default);

        Assert.False(first.FromRecord);
        Assert.True(again.FromRecord);
        Assert.Equal(1, world.Verifier.Calls);
        Assert.Equal(first.Completed.CompletedAt, again.Completed.CompletedAt);
        var record = await world.RecordStore.FindAsync(id, default);
        Assert.Equal((1, 1), (record!.Attempts, record.DuplicatesAnswered));
        Assert.Equal(64, record.IdPhotoSha256.Length);
    }

    [Fact]
    public async Task A_rerun_evaluates_the_stored_evidence_under_another_policy_as_a_new_attempt()
    {
        using var world = new FileUrlWorld();
        var id = Guid.NewGuid();
        await world.Service.VerifyAsync(FileUrlWorld.Request(id, Pair.IdPhoto, Pair.Snapshot), default);
        var rerun = await world.Service.RerunAsync(new RerunVerification
            { VerificationId = id, Policy = "strict", Reason = "appeal", RequestedBy = "proctor" }, default);

        Assert.Equal((2, id, "appeal", "strict"), (rerun.Attempt, rerun.RerunOf, rerun.RerunReason, rerun.Policy));
        Assert.Equal(2, world.Verifier.Calls);
        Assert.Equal(2, (await world.RecordStore.FindAsync(id, default))!.Attempts);
    }

    [Fact]
    public async Task A_rerun_after_retention_deleted_the_evidence_is_refused()
    {
        using var world = new FileUrlWorld();
        var id = Guid.NewGuid();
        await world.Service.VerifyAsync(FileUrlWorld.Request(id, Pair.IdPhoto, Pair.Snapshot), default);
        Assert.Equal(1, await world.Evidence.DeleteSavedBeforeAsync(DateTimeOffset.UtcNow.AddMinutes(1), default));

        await Assert.ThrowsAsync<VerificationNotRerunnableException>(() => world.Service.RerunAsync(
            new RerunVerification { VerificationId = id, Reason = "appeal", RequestedBy = "proctor" }, default));
    }

    [Fact]
    public async Task An_image_that_cannot_be_fetched_is_a_failed_result_not_a_computation()
    {
        using var world = new FileUrlWorld();
        var outcome = await world.Service.VerifyAsync(
            FileUrlWorld.Request(Guid.NewGuid(), "https://evil.example/x.jpg", Pair.Snapshot), default);

        Assert.Equal(Verdicts.Fail, outcome.Completed.Verdict);
        Assert.Equal("input.fetch_failed", Assert.Single(outcome.Completed.Findings).Code);
        Assert.Equal(0, world.Verifier.Calls);
    }
}
