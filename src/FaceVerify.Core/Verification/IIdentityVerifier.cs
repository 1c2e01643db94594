namespace FaceVerify.Core.Verification;

/// <summary>Decides whether the snapshot shows the live person of the ID photo.</summary>
public interface IIdentityVerifier
{
    /// <summary>Never throws for bad input: unreadable or hostile images become findings.</summary>
    Task<VerificationResult> VerifyAsync(VerificationRequest request, CancellationToken cancellationToken);
}
