namespace FaceVerify.Worker.Records;

/// <summary>
/// Durable verification records, keyed by VerificationId. SQLite serves one worker; a server
/// database implementing this interface serves several.
/// </summary>
public interface IVerificationRecordStore
{
    Task<VerificationRecord?> FindAsync(Guid verificationId, CancellationToken cancellationToken);
    /// <summary>Inserts or replaces the record as a whole.</summary>
    Task SaveAsync(VerificationRecord record, CancellationToken cancellationToken);
    Task CountDuplicateAsync(Guid verificationId, CancellationToken cancellationToken);
}
