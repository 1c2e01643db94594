using MassTransit;

namespace FaceVerify.Contracts;

/// <summary>
/// An image carried by reference: either message data (a claim check in the shared repository,
/// so large bytes never travel through the broker) or a URL the worker fetches under its allow-list.
/// Exactly one of <see cref="Data"/> and <see cref="Url"/> is set.
/// </summary>
public sealed record ImageInput
{
    public MessageData<byte[]>? Data { get; init; }
    public Uri? Url { get; init; }
    /// <summary>Hex sha256 the sender computed; when present the worker refuses bytes that differ.</summary>
    public string? Sha256 { get; init; }
}
