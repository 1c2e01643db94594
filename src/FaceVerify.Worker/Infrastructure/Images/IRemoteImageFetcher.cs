namespace FaceVerify.Worker.Images;

/// <summary>Fetches an image URL within the configured allow-list and size cap.</summary>
public interface IRemoteImageFetcher
{
    Task<ImageLoadResult> FetchAsync(Uri url, string role, CancellationToken cancellationToken);
}
