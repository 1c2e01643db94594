using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Faces;

/// <summary>Embedding input (<c>FaceVerify:Embedding</c>); the channel order was chosen by measurement on LFW.</summary>
public sealed record EmbeddingOptions
{
    public ChannelOrder ChannelOrder { get; init; } = ChannelOrder.Bgr;
}
