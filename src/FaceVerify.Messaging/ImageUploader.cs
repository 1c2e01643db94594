using FaceVerify.Contracts;
using MassTransit;

namespace FaceVerify.Messaging;

/// <summary>Puts image bytes into the claim-check repository and describes them as an <see cref="ImageInput"/>.</summary>
public sealed class ImageUploader(IMessageDataRepository repository, TimeSpan timeToLive)
{
    public async Task<ImageInput> UploadAsync(byte[] bytes, CancellationToken cancellationToken) => new()
    {
        Data = await repository.PutBytes(bytes, timeToLive, cancellationToken),
        Sha256 = Sha256Hex.Of(bytes),
    };
}
