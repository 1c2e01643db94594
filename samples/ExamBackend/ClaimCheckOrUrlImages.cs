using System.Security.Cryptography;
using FaceVerify.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ExamBackend;

/// <summary>
/// An https URL travels as it is (the worker fetches it if its host is on the worker's allow-list); a local file goes
/// into the claim-check folder shared with the worker, so picture bytes never pass through the broker.
/// </summary>
public sealed class ClaimCheckOrUrlImages(IMessageDataRepository? repository, IOptions<ExamBackendOptions> options) : ICandidateImages
{
    public async Task<ImageInput> ReferenceAsync(string fileOrUrl, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(fileOrUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
            return new ImageInput { Url = url };
        if (repository is null)
            throw new InvalidOperationException(
                $"{fileOrUrl} is a file, but ExamBackend:ClaimCheckFolder is not set: set it to the worker's claim-check folder, or pass an https URL");
        var bytes = await File.ReadAllBytesAsync(fileOrUrl, cancellationToken);
        return new ImageInput
        {
            Data = await repository.PutBytes(bytes, options.Value.ImageTimeToLive, cancellationToken),
            // The worker refuses bytes that differ from this: a half-written or swapped file is caught.
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
    }
}
