using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Faces;

/// <summary>Turns an aligned 112×112 face into an L2-normalised identity vector and the regional features computed on the way.</summary>
public interface IFaceEmbedder
{
    FaceEncoding Encode(RgbImage alignedFace);
}

/// <param name="Embedding">L2-normalised identity vector. Personal data: never logged.</param>
/// <param name="RegionFeatures">
/// The network's last 7×7 feature map averaged over face regions (<see cref="FeatureMapRegions"/>): local
/// appearance — lenses, a mask — that the identity vector is trained to ignore. Same care as the embedding.
/// </param>
public sealed record FaceEncoding(float[] Embedding, float[] RegionFeatures);
