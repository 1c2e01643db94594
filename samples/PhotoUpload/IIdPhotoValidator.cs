namespace PhotoUpload;

/// <summary>Asks the ID-photo check whether a photo meets the registration rules.</summary>
public interface IIdPhotoValidator
{
    /// <returns>The check, or null when the service could not answer (down, timed out, refused the request).</returns>
    Task<PhotoCheck?> ValidateAsync(byte[] photo, CancellationToken cancellationToken);
}
