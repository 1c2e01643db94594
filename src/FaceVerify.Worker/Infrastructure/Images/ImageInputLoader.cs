using FaceVerify.Contracts;
using FaceVerify.Worker.Options;
using MassTransit;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Images;

/// <summary>Loads message data from the claim-check repository and URLs through the guarded fetcher.</summary>
public sealed class ImageInputLoader(IRemoteImageFetcher remote, IOptions<ImageFetchOptions> options) : IImageLoader
{
    public async Task<ImageLoadResult> LoadAsync(ImageInput input, string role, CancellationToken cancellationToken)
    {
        var result = input switch
        {
            { Data: { } data } => await LoadMessageDataAsync(data, role),
            { Url: { } url } => await remote.FetchAsync(url, role, cancellationToken),
            _ => ImageLoadResult.Failed(InputFindings.FetchFailed(role, "the message carries neither data nor a URL")),
        };
        return result.Bytes is { } bytes && !MatchesDeclaredHash(bytes, input.Sha256)
            ? ImageLoadResult.Failed(InputFindings.FetchFailed(role, "its sha256 differs from the declared one"))
            : result;
    }

    private async Task<ImageLoadResult> LoadMessageDataAsync(MessageData<byte[]> data, string role)
    {
        if (!data.HasValue) return ImageLoadResult.Failed(InputFindings.FetchFailed(role, "the message data is empty"));
        try
        {
            var bytes = await data.Value;
            return bytes.LongLength > options.Value.MaxBytes
                ? ImageLoadResult.Failed(InputFindings.TooLarge(role, options.Value.MaxBytes, bytes.LongLength))
                : ImageLoadResult.Loaded(bytes);
        }
        catch (MessageDataException)
        {
            // Expired or never written: resending the same message cannot help, so it is a result.
            return ImageLoadResult.Failed(InputFindings.FetchFailed(role, "the message data is missing or expired"));
        }
    }

    private static bool MatchesDeclaredHash(byte[] bytes, string? declared) =>
        string.IsNullOrWhiteSpace(declared)
        || string.Equals(Sha256Hex.Of(bytes), declared.Trim(), StringComparison.OrdinalIgnoreCase);
}
