namespace FaceVerify.Worker.Records;

/// <summary>
/// Durable verification records, keyed by VerificationId. SQLite serves one worker; a server
/// database implementing this interface serves several.
/// </summary>
public interface IVerificationRecordStore
{
    Task<VerificationRecord?> FindAsync(Guid verificationId, CancellationToken cancellationToken);
    /// <summary>Claims the VerificationId before any computing: across every caller sharing this store exactly one gets
    /// <see cref="VerificationClaimOutcome.Won"/>. A claim not completed within its lease may be taken over (its holder
    /// died mid-run), so a redelivery after a SIGKILL is computed once more, never lost.</summary>
    Task<VerificationClaim> ClaimAsync(Guid verificationId, string owner, TimeSpan lease, CancellationToken cancellationToken);
    /// <summary>Inserts or replaces the record as a whole, and ends its claim.</summary>
    Task SaveAsync(VerificationRecord record, CancellationToken cancellationToken);
    Task CountDuplicateAsync(Guid verificationId, CancellationToken cancellationToken);
    /// <summary>The latest verifications, newest first, for administrators looking for one.</summary>
    Task<IReadOnlyList<VerificationSummary>> ListAsync(VerificationQuery query, CancellationToken cancellationToken);
}
