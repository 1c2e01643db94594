using FaceVerify.Worker.Records;

namespace FaceVerify.Worker.Tests;

/// <summary>Claim first, then compute: deliveries of one VerificationId on several consumers compute once.</summary>
public sealed class ClaimFirstTests
{
    private static readonly (string IdPhoto, string Snapshot) Pair = TestPaths.LfwPairs[0];

    [Fact]
    public async Task Two_deliveries_of_one_verification_id_at_the_same_moment_to_two_consumers_compute_once()
    {
        using var world = new FileUrlWorld();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The computing consumer goes on only once the other one has found the id claimed: the two really overlap.
        world.Verifier.Gate = held.Task;
        var first = world.NewService(new HeldClaimSignal(new SqliteVerificationRecordStore(Microsoft.Extensions.Options.Options.Create(world.Records)), held));
        var second = world.NewService(new HeldClaimSignal(new SqliteVerificationRecordStore(Microsoft.Extensions.Options.Options.Create(world.Records)), held));
        var id = Guid.NewGuid();

        using var start = new Barrier(2);
        var deliveries = new[] { first, second }.Select(service => Task.Run(() =>
        {
            start.SignalAndWait();
            return service.VerifyAsync(FileUrlWorld.Request(id, Pair.IdPhoto, Pair.Snapshot), default);
        })).ToArray();
        var outcomes = await Task.WhenAll(deliveries).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(held.Task.IsCompleted, "one delivery found the id claimed by the other");
        Assert.Equal(1, world.Verifier.Calls);
        Assert.Equal(1, outcomes.Count(o => !o.FromRecord));
        Assert.Equal(Json(outcomes[0].Completed), Json(outcomes[1].Completed));
        var record = await world.RecordStore.FindAsync(id, default);
        Assert.Equal((1, 1), (record!.Attempts, record.DuplicatesAnswered));
    }

    [Fact]
    public async Task A_claim_whose_holder_died_is_taken_over_after_its_lease_and_a_finished_one_is_answered()
    {
        using var world = new FileUrlWorld();
        var id = Guid.NewGuid();
        var claimed = await world.RecordStore.ClaimAsync(id, "worker-that-dies", TimeSpan.FromMilliseconds(200), default);
        Assert.Equal(VerificationClaimOutcome.Won, claimed.Outcome);
        Assert.Equal(VerificationClaimOutcome.HeldByOther, (await world.RecordStore.ClaimAsync(id, "other", TimeSpan.FromMinutes(2), default)).Outcome);

        // The holder never saves; the delivery waits, then takes the claim over and computes.
        var outcome = await world.Service.VerifyAsync(FileUrlWorld.Request(id, Pair.IdPhoto, Pair.Snapshot), default);
        Assert.False(outcome.FromRecord);
        Assert.Equal(1, world.Verifier.Calls);

        var after = await world.RecordStore.ClaimAsync(id, "late", TimeSpan.FromMinutes(2), default);
        Assert.Equal(VerificationClaimOutcome.Completed, after.Outcome);
        Assert.Equal(Json(outcome.Completed), Json(after.Record!.LatestResult));
    }

    private static string Json(FaceVerify.Contracts.IdentityVerificationCompleted completed) =>
        System.Text.Json.JsonSerializer.Serialize(completed, FaceVerify.Core.Json.FaceVerifyJson.Options);

    /// <summary>Passes everything through; completes the signal when a claim is found held by someone else.</summary>
    private sealed class HeldClaimSignal(IVerificationRecordStore inner, TaskCompletionSource held) : IVerificationRecordStore
    {
        public Task<VerificationRecord?> FindAsync(Guid verificationId, CancellationToken cancellationToken) => inner.FindAsync(verificationId, cancellationToken);

        public async Task<VerificationClaim> ClaimAsync(Guid verificationId, string owner, TimeSpan lease, CancellationToken cancellationToken)
        {
            var claim = await inner.ClaimAsync(verificationId, owner, lease, cancellationToken);
            if (claim.Outcome == VerificationClaimOutcome.HeldByOther) held.TrySetResult();
            return claim;
        }

        public Task SaveAsync(VerificationRecord record, CancellationToken cancellationToken) => inner.SaveAsync(record, cancellationToken);
        public Task CountDuplicateAsync(Guid verificationId, CancellationToken cancellationToken) => inner.CountDuplicateAsync(verificationId, cancellationToken);
        public Task<IReadOnlyList<VerificationSummary>> ListAsync(VerificationQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);
    }
}
