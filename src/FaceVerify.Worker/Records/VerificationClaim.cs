namespace FaceVerify.Worker.Records;

public enum VerificationClaimOutcome { Won, Completed, HeldByOther }

/// <summary>The answer to <see cref="IVerificationRecordStore.ClaimAsync"/>.</summary>
/// <param name="Record">The finished record when Outcome is Completed, else null.</param>
public sealed record VerificationClaim(VerificationClaimOutcome Outcome, VerificationRecord? Record);
