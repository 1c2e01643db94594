using FaceVerify.Contracts;

namespace FaceVerify.Worker.Verification;

/// <summary>Verifications with records: computes once per VerificationId, answers repeats from the record, re-runs stored evidence.</summary>
public interface IVerificationService
{
    Task<VerificationOutcome> VerifyAsync(VerifyIdentity request, CancellationToken cancellationToken);
    /// <exception cref="VerificationNotRerunnableException">No record, or its evidence is past retention.</exception>
    Task<IdentityVerificationCompleted> RerunAsync(RerunVerification command, CancellationToken cancellationToken);
}

/// <param name="FromRecord">True when the result was stored earlier and nothing was computed.</param>
public sealed record VerificationOutcome(IdentityVerificationCompleted Completed, bool FromRecord);

/// <summary>A re-run that cannot happen; retrying will not change that, so it goes to the error queue.</summary>
public sealed class VerificationNotRerunnableException(Guid verificationId, string why)
    : Exception($"Verification {verificationId} cannot be re-run: {why}.");
