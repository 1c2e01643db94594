namespace FaceVerify.Worker.Records;

/// <summary>Evidence images kept for the retention period only.</summary>
public interface IEvidenceStore
{
    Task SaveAsync(Guid verificationId, VerificationEvidence evidence, CancellationToken cancellationToken);
    /// <returns>Null when never stored or already deleted by retention.</returns>
    Task<VerificationEvidence?> LoadAsync(Guid verificationId, CancellationToken cancellationToken);
    /// <returns>How many verifications' evidence was deleted.</returns>
    Task<int> DeleteSavedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
