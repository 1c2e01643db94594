using System.Net;
using FaceVerify.Worker.Options;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Images;

/// <summary>
/// Fetches https URLs of allow-listed hosts (and file URLs when enabled). The host is checked
/// before any request, redirects are not followed (they could lead off the list), and the body is
/// read only up to the cap.
/// </summary>
public sealed class AllowListedImageFetcher(HttpClient http, IOptions<ImageFetchOptions> options) : IRemoteImageFetcher
{
    public const string HttpClientName = "image-fetch";

    public Task<ImageLoadResult> FetchAsync(Uri url, string role, CancellationToken cancellationToken)
    {
        if (!url.IsAbsoluteUri)
            return Task.FromResult(ImageLoadResult.Failed(InputFindings.FetchFailed(role, "the URL is not absolute")));
        if (url.Scheme == Uri.UriSchemeFile && options.Value.AllowFileUrls)
            return ReadFileAsync(url, role, cancellationToken);
        if (url.Scheme != Uri.UriSchemeHttps || !IsAllowedHost(url.Host))
            return Task.FromResult(ImageLoadResult.Failed(InputFindings.FetchFailed(role, "the URL's scheme or host is not allowed")));
        return DownloadAsync(url, role, cancellationToken);
    }

    private bool IsAllowedHost(string host) => options.Value.AllowedHosts.Any(allowed =>
        allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase));

    private async Task<ImageLoadResult> DownloadAsync(Uri url, string role, CancellationToken cancellationToken)
    {
        var cap = options.Value.MaxBytes;
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
                return ImageLoadResult.Failed(InputFindings.FetchFailed(role, $"the server answered {(int)response.StatusCode}"));
            if (response.Content.Headers.ContentLength is { } declared && declared > cap)
                return ImageLoadResult.Failed(InputFindings.TooLarge(role, cap, declared));
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var bytes = await BoundedReader.ReadAsync(body, cap, cancellationToken);
            return bytes is null ? ImageLoadResult.Failed(InputFindings.TooLarge(role, cap)) : ImageLoadResult.Loaded(bytes);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The resilience pipeline has already retried with bounds; what is left is an answer.
            return ImageLoadResult.Failed(InputFindings.FetchFailed(role, "the download failed after retries"));
        }
    }

    private async Task<ImageLoadResult> ReadFileAsync(Uri url, string role, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(url.LocalPath);
        if (options.Value.FileRoot is { } root && !path.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return ImageLoadResult.Failed(InputFindings.FetchFailed(role, "the file is outside the allowed folder"));
        var file = new FileInfo(path);
        if (!file.Exists) return ImageLoadResult.Failed(InputFindings.FetchFailed(role, "the file does not exist"));
        if (file.Length > options.Value.MaxBytes) return ImageLoadResult.Failed(InputFindings.TooLarge(role, options.Value.MaxBytes, file.Length));
        await using var stream = file.OpenRead();
        var bytes = await BoundedReader.ReadAsync(stream, options.Value.MaxBytes, cancellationToken);
        return bytes is null ? ImageLoadResult.Failed(InputFindings.TooLarge(role, options.Value.MaxBytes)) : ImageLoadResult.Loaded(bytes);
    }
}
