namespace FaceVerify.Core.Verification;

/// <summary>Checks an ID photo against the registration rules (format, size, background, face).</summary>
public interface IIdPhotoChecker
{
    /// <summary>Never throws for bad input: every problem is a violation with a reason code.</summary>
    Task<PhotoCheckResult> CheckAsync(ReadOnlyMemory<byte> photo, string? policy, CancellationToken cancellationToken);
}
